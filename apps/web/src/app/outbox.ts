import { deliveryStep, type OutgoingStatus, outgoingMachine, takeStep } from '@sinergi/core';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { ApiError, api, type ProblemIssue, uploadFile } from './api.ts';

/**
 * The desa operator's work without a connection (issue 20): a write that cannot reach the server is
 * kept on the device (IndexedDB) and sent when the connection returns, in the order it was made.
 * Each carries a key of its own (Idempotency-Key), so a write whose answer was lost is never done
 * twice; each edit names the version it started from (`basedOn`), so a change someone made
 * meanwhile is never overwritten: the write waits as `stale` for the operator to compare and
 * choose. Nothing leaves the queue but by being sent or by the operator's own choice.
 */
export type OutgoingKind = 'proposal' | 'decision' | 'idm' | 'progress';
/**
 * The states a kept write can be in (core's outgoingMachine, less the two that leave the queue):
 * waiting to be sent; stale, changed meanwhile, the operator chooses; refused, the server said why;
 * signin, the session ended.
 */
export type OutgoingState = Exclude<OutgoingStatus, 'sent' | 'discarded'>;

export interface OutgoingPhoto {
  blob: Blob;
  type: string;
}

export interface Outgoing {
  /** Also its Idempotency-Key. */
  id: string;
  userId: string;
  kind: OutgoingKind;
  /** What the operator knows it by: a proposal's title, the desa and year of an entry. */
  title: string;
  method: 'POST' | 'PUT';
  url: string;
  body: Record<string, unknown>;
  /** Photos sent after the write, to `photoUrl` with `{id}` the new record's id. */
  photos: OutgoingPhoto[];
  photoUrl?: string;
  photosSent: number;
  /** The id the server gave the record, once the write itself is done. */
  resultId?: string;
  /** The page of the record once sent (`{id}`), and the address of the record as it is now. */
  link?: string;
  currentUrl?: string;
  state: OutgoingState;
  message?: string;
  issues?: ProblemIssue[];
  /** The version the server has now (a stale write). */
  current?: string;
  code?: string;
  createdAt: number;
}

interface OutboxDb extends DBSchema {
  outgoing: { key: string; value: Outgoing; indexes: { byCreated: number } };
}

let dbPromise: Promise<IDBPDatabase<OutboxDb>> | null = null;
const db = () => {
  dbPromise ??= openDB<OutboxDb>('sinergi-outbox', 1, {
    upgrade(d) {
      d.createObjectStore('outgoing', { keyPath: 'id' }).createIndex('byCreated', 'createdAt');
    },
  });
  return dbPromise;
};

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('sinergi-outbox');
const listeners = new Set<() => void>();
const changed = () => {
  for (const l of listeners) l();
  channel?.postMessage('changed');
};
channel?.addEventListener('message', () => {
  for (const l of listeners) l();
});

/** Calls `listener` whenever the queue changes (in this tab or another); returns the unsubscribe. */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function listOutgoing(userId: string): Promise<Outgoing[]> {
  const all = await (await db()).getAllFromIndex('outgoing', 'byCreated');
  return all.filter((o) => o.userId === userId);
}

async function put(o: Outgoing) {
  await (await db()).put('outgoing', o);
  changed();
}

async function remove(id: string) {
  await (await db()).delete('outgoing', id);
  changed();
}

/** The operator drops a write the server answered (never one still waiting: core's machine says no). */
export async function discard(o: Outgoing): Promise<void> {
  takeStep(outgoingMachine, o.state, 'discard', {});
  await remove(o.id);
}

const fill = (template: string, id: string) => template.replace('{id}', encodeURIComponent(id));

/** Sends one write and its photos, resuming where an earlier try stopped. */
async function deliver(o: Outgoing): Promise<string | undefined> {
  if (o.resultId === undefined) {
    const res = await api<{ id?: string } | null>(o.method, o.url, o.body, { 'idempotency-key': o.id });
    o.resultId = res?.id ?? '';
    if (o.photos.length) await put(o);
  }
  for (let i = o.photosSent; i < o.photos.length && o.photoUrl; i++) {
    const photo = o.photos[i]!;
    await uploadFile(fill(o.photoUrl, o.resultId), photo.blob, photo.type, {
      'idempotency-key': `${o.id}-p${i}`,
    });
    o.photosSent = i + 1;
    await put(o);
  }
  return o.resultId;
}

/** The step an answer (or no answer) takes a waiting write to; null: keep it waiting, try later. */
function settle(o: Outgoing, e: unknown): Outgoing | null {
  const answer = e instanceof ApiError ? { status: e.status, code: e.code } : { status: 0 };
  const step = deliveryStep(answer);
  if (step === null) return null;
  const state = takeStep(outgoingMachine, o.state, step, {}) as OutgoingState;
  const problem = e as ApiError;
  return {
    ...o,
    state,
    message: problem.message,
    issues: problem.issues,
    code: problem.code,
    ...(problem.current !== undefined ? { current: problem.current } : {}),
  };
}

let flushing: Promise<number> | null = null;

/**
 * Sends the signed-in account's waiting writes in order; stops at the first that cannot go now.
 * One tab at a time (a Web Lock), and the keys make a write sent by two tabs still happen once.
 * Returns how many were sent.
 */
export function flush(userId: string): Promise<number> {
  flushing ??= (async () => {
    const run = async () => {
      let sent = 0;
      for (const o of await listOutgoing(userId)) {
        if (o.state !== 'waiting') continue;
        try {
          await deliver(o);
          takeStep(outgoingMachine, o.state, 'deliver', {});
          await remove(o.id);
          sent++;
        } catch (e) {
          const settled = settle(o, e);
          if (!settled) break;
          await put(settled);
        }
      }
      return sent;
    };
    try {
      return navigator.locks ? await navigator.locks.request('sinergi-outbox', run) : await run();
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

export interface WriteSpec {
  userId: string;
  kind: OutgoingKind;
  title: string;
  method: 'POST' | 'PUT';
  url: string;
  body: Record<string, unknown>;
  photos?: OutgoingPhoto[];
  photoUrl?: string;
  link?: string;
  currentUrl?: string;
}

/**
 * Sends a write now, or keeps it on the device when there is no connection. Answers `queued: true`
 * for a kept write; a refusal while online (a wrong field) is thrown for the form to show.
 */
export async function sendOrQueue(spec: WriteSpec): Promise<{ queued: boolean; id?: string | undefined }> {
  const o: Outgoing = {
    ...spec,
    id: crypto.randomUUID(),
    photos: spec.photos ?? [],
    photosSent: 0,
    state: 'waiting',
    createdAt: Date.now(),
  };
  const waiting = (await listOutgoing(spec.userId)).some((w) => w.state === 'waiting');
  // Behind writes still waiting, a new one waits its turn: the server gets them in the order made.
  if (navigator.onLine && !waiting) {
    try {
      return { queued: false, id: await deliver(o) };
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 0)) throw e;
    }
  }
  await put(o);
  return { queued: true };
}

/** The operator's choice on a write changed meanwhile or refused: send mine anyway (based on now). */
export async function sendMine(o: Outgoing, userId: string): Promise<void> {
  const body = { ...o.body };
  if (o.state === 'stale') body.basedOn = o.current === '' && o.kind === 'idm' ? null : o.current;
  if (o.code === 'NEEDS_CONFIRMATION') body.confirmWarnings = true;
  const { current: _c, message: _m, issues: _i, code: _k, ...rest } = o;
  await put({ ...rest, body, state: takeStep(outgoingMachine, o.state, 'send_mine', {}) as OutgoingState });
  await flush(userId);
}
