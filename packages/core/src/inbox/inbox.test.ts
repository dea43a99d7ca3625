import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWaiting, digestDue, type WaitingGroup, waitingKey, waitingKinds } from './inbox.ts';

const group = (kind: WaitingGroup['kind'], keys: string[]): WaitingGroup => ({
  kind,
  link: `/list/${kind}`,
  total: keys.length,
  items: keys.map((k) => ({ key: k, title: `item ${k}`, link: `/item/${k}` })),
});

const snapshot = fc.array(
  fc.record({
    kind: fc.constantFrom(...waitingKinds.slice(0, 4)),
    keys: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 }),
  }),
  { maxLength: 4 },
);

describe('what waits, and what is new', () => {
  it('names an item once while it waits, and again only after it stopped waiting', () => {
    fc.assert(
      fc.property(fc.array(snapshot, { minLength: 1, maxLength: 8 }), (snapshots) => {
        let seen = new Set<string>();
        let waitingBefore = new Set<string>();
        for (const s of snapshots) {
          const groups = s.map((g) => group(g.kind, g.keys));
          const { added, gone, current } = diffWaiting(seen, groups);
          const named = added.flatMap((a) => a.items.map((i) => waitingKey(a.kind, i.key)));
          const now = new Set(groups.flatMap((g) => g.items.map((i) => waitingKey(g.kind, i.key))));
          // Exactly the items that did not wait at the last look are named, each once.
          expect(new Set(named).size).toBe(named.length);
          expect(new Set(named)).toEqual(new Set([...now].filter((k) => !waitingBefore.has(k))));
          expect(new Set(gone)).toEqual(new Set([...waitingBefore].filter((k) => !now.has(k))));
          seen = new Set(current);
          waitingBefore = now;
        }
      }),
    );
  });

  it('links one new item to its own page, several to the list', () => {
    const one = diffWaiting(new Set(), [group('index.verify', ['x'])]);
    expect(one.added[0]!.link).toBe('/item/x');
    const two = diffWaiting(new Set([waitingKey('index.verify', 'x')]), [
      group('index.verify', ['x', 'y', 'z']),
    ]);
    expect(two.added[0]!.items.map((i) => i.key)).toEqual(['y', 'z']);
    expect(two.added[0]!.link).toBe('/list/index.verify');
  });

  it('sends the daily digest once a day, not before the hour (WIB is UTC+7)', () => {
    const at = (iso: string) => new Date(iso);
    // 06:59 WIB: not yet; 07:00 WIB: due.
    expect(digestDue(at('2026-12-03T23:59:00Z'), null, 7, 7)).toBe(false);
    expect(digestDue(at('2026-12-04T00:00:00Z'), null, 7, 7)).toBe(true);
    // Sent at 07:05 WIB today: not again today, due tomorrow at 07:00.
    expect(digestDue(at('2026-12-04T10:00:00Z'), at('2026-12-04T00:05:00Z'), 7, 7)).toBe(false);
    expect(digestDue(at('2026-12-05T00:00:00Z'), at('2026-12-04T00:05:00Z'), 7, 7)).toBe(true);
  });
});
