import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeAwareCache } from './change-aware-cache.ts';
import { ChangeFeed } from './changes.ts';

function setup() {
  const feed = new ChangeFeed();
  feed.live = true;
  return { feed, cache: new ChangeAwareCache<{ v: number }>(feed, { max: 100 }) };
}

describe('a cache dropped by the tables that change', () => {
  it('drops the entries read from a changed table and keeps the others', () => {
    const { feed, cache } = setup();
    cache.set('a', { v: 1 }, new Set(['regions']), cache.ticket());
    cache.set('b', { v: 2 }, new Set(['proposals', 'users']), cache.ticket());
    feed.emit('users');
    expect(cache.get('a')).toEqual({ v: 1 });
    expect(cache.get('b')).toBeUndefined();
  });

  it('refuses an answer read before a change and stored after it', () => {
    const { feed, cache } = setup();
    const ticket = cache.ticket();
    feed.emit('regions');
    expect(cache.set('a', { v: 1 }, new Set(['regions']), ticket)).toBe(false);
    expect(cache.set('b', { v: 1 }, new Set(['users']), ticket)).toBe(true);
  });

  it('keeps nothing while the feed is not heard, and forgets everything when it is lost', () => {
    const { feed, cache } = setup();
    cache.set('a', { v: 1 }, new Set(['regions']), cache.ticket());
    const ticket = cache.ticket();
    feed.lost();
    expect(cache.get('a')).toBeUndefined();
    feed.live = true;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.set('a', { v: 1 }, new Set(['x']), ticket)).toBe(false);
  });

  it('never answers with what a change made stale (any order of reads, stores and changes)', () => {
    const tables = ['a', 'b', 'c'];
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('read' as const),
        key: fc.integer({ min: 0, max: 3 }),
        t: fc.subarray(tables, { minLength: 1 }),
      }),
      fc.record({ kind: fc.constant('store' as const), n: fc.nat() }),
      fc.record({ kind: fc.constant('change' as const), table: fc.constantFrom(...tables) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { feed, cache } = setup();
        const version = new Map(tables.map((t) => [t, 0]));
        const pending: { key: string; t: string[]; seen: number[]; ticket: number }[] = [];
        for (const s of steps) {
          if (s.kind === 'read') {
            const key = String(s.key);
            pending.push({ key, t: s.t, seen: s.t.map((t) => version.get(t)!), ticket: cache.ticket() });
          } else if (s.kind === 'store' && pending.length) {
            const r = pending.splice(s.n % pending.length, 1)[0]!;
            cache.set(`${r.key}|${r.t.join()}`, { v: 0, seen: r.seen } as never, new Set(r.t), r.ticket);
          } else if (s.kind === 'change') {
            version.set(s.table, version.get(s.table)! + 1);
            feed.emit(s.table);
          }
        }
        // Every entry still held was read at the current version of every table it names.
        for (const [k] of (cache as unknown as { entries: Map<string, unknown> }).entries.entries()) {
          const [, names] = k.split('|');
          const entry = cache.get(k) as unknown as { seen: number[] };
          names!.split(',').forEach((t, i) => {
            expect(entry.seen[i]).toBe(version.get(t));
          });
        }
      }),
    );
  });
});
