/**
 * What waits for someone (issue 19): every kind below is one line on a home page ("3 isian IDM
 * menunggu verifikasi") and, when an item starts waiting, one notification. The server's modules
 * list the items of each kind for an account; this file decides what is new and what to say.
 */
export const waitingKinds = [
  // Musrenbang: proposals at the step where this account decides (core's canDecide).
  'aspirations.moderate',
  'proposals.desa',
  'proposals.kecamatan',
  'proposals.opd',
  'proposals.kabupaten',
  'proposals.rkpd',
  'proposals.apbd',
  'proposals.pelaksanaan',
  'forums.hold',
  // The village index sign-off chain.
  'index.enter',
  'index.returned',
  'index.verify',
  'index.approve',
  // Projects and programs.
  'progress.verify',
  'progress.returned',
  'progress.due',
  'projects.atRisk',
  'cycles.approve',
  'cycles.returned',
  'grievances.open',
  // Budget, council, administration.
  'scenarios.draft',
  'scenarios.adopted',
  'pokir.active',
  'jobs.failed',
  'accounts.locked',
  // A citizen's account (issue 20): the proposals it supports, each time one takes a step.
  'supports.moved',
] as const;
export type WaitingKind = (typeof waitingKinds)[number];

/** How an account hears of what waits, besides the bell: no e-mail, one per notification, or a daily digest. */
export const emailModes = ['off', 'each', 'daily'] as const;
export type EmailMode = (typeof emailModes)[number];

export interface WaitingItem {
  /** Stable across reads: the same item waiting for the same step has the same key. */
  readonly key: string;
  readonly title: string;
  /** The page of the item in the web app. */
  readonly link: string;
}

export interface WaitingGroup {
  readonly kind: WaitingKind;
  /** The page listing all items of the kind for this account. */
  readonly link: string;
  readonly items: readonly WaitingItem[];
  /** All items of the kind; `items` may hold only the first of them. */
  readonly total: number;
}

/** Keys are namespaced by kind, so the same proposal waiting at two steps is two items. */
export const waitingKey = (kind: WaitingKind, key: string) => `${kind}:${key}`;

export interface NewlyWaiting {
  readonly kind: WaitingKind;
  readonly link: string;
  readonly items: readonly WaitingItem[];
}

/**
 * What started waiting since the account's last look: the items whose key was not among `seen`,
 * grouped by kind (one notification per kind, naming the item when it is one), and the keys no
 * longer waiting (forgotten, so an item that comes back, such as a returned entry, is new again).
 */
export function diffWaiting(
  seen: ReadonlySet<string>,
  now: readonly WaitingGroup[],
): { added: NewlyWaiting[]; gone: string[]; current: string[] } {
  const current = new Set<string>();
  const added: NewlyWaiting[] = [];
  for (const g of now) {
    const fresh: WaitingItem[] = [];
    for (const item of g.items) {
      const k = waitingKey(g.kind, item.key);
      if (current.has(k)) continue;
      current.add(k);
      if (!seen.has(k)) fresh.push(item);
    }
    if (fresh.length)
      added.push({ kind: g.kind, link: fresh.length === 1 ? fresh[0]!.link : g.link, items: fresh });
  }
  const gone = [...seen].filter((k) => !current.has(k));
  return { added, gone, current: [...current] };
}

/**
 * The hour of the day (local time of the kabupaten) at which daily digests go out, and whether one
 * is due: never twice on one calendar day, and not before the hour.
 */
export function digestDue(now: Date, lastSent: Date | null, hour: number, utcOffsetHours: number): boolean {
  const local = (d: Date) => new Date(d.getTime() + utcOffsetHours * 3_600_000);
  const today = local(now);
  if (today.getUTCHours() < hour) return false;
  if (!lastSent) return true;
  const last = local(lastSent);
  return last.toISOString().slice(0, 10) !== today.toISOString().slice(0, 10);
}
