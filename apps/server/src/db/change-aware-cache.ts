/**
 * A bounded cache whose entries name the tables they were read from and are dropped when the
 * database says one of those tables changed (db/changes.ts). An entry read before a change but
 * stored after it is refused: a reader takes a ticket before it reads, and an entry is stored only
 * if none of its tables changed since that ticket.
 */
import { LRUCache } from 'lru-cache';
import type { ChangeFeed } from './changes.ts';

interface Entry<V> {
  value: V;
  tables: ReadonlySet<string>;
}

export interface ChangeAwareCacheOptions<V> {
  /** Most entries kept; the least recently used go first. */
  max: number;
  /** Most total size (by `sizeOf`), when given. */
  maxSize?: number;
  sizeOf?: (value: V) => number;
}

export class ChangeAwareCache<V extends object> {
  private readonly entries: LRUCache<string, Entry<V>>;
  private sequence = 0;
  private readonly changedAt = new Map<string, number>();
  /** When everything last became unknown (the feed lost, a `*`). */
  private everythingAt = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly feed: ChangeFeed,
    options: ChangeAwareCacheOptions<V>,
  ) {
    this.entries = new LRUCache<string, Entry<V>>({
      max: options.max,
      ...(options.maxSize && options.sizeOf
        ? { maxSize: options.maxSize, sizeCalculation: (entry) => Math.max(1, options.sizeOf!(entry.value)) }
        : {}),
    });
    this.unsubscribe = feed.subscribe((table) => this.changed(table));
  }

  /** Taken before reading what will be stored. */
  ticket(): number {
    return this.sequence;
  }

  get(key: string): V | undefined {
    if (!this.feed.live) return undefined;
    return this.entries.get(key)?.value;
  }

  /** Stores unless the feed is down or one of `tables` changed after `ticket`. */
  set(key: string, value: V, tables: ReadonlySet<string>, ticket: number): boolean {
    if (!this.feed.live || this.everythingAt > ticket) return false;
    for (const table of tables) if ((this.changedAt.get(table) ?? 0) > ticket) return false;
    this.entries.set(key, { value, tables });
    return true;
  }

  /** A table changed (or `*`: anything may have): its entries go, and readers in flight may not store. */
  changed(table: string): void {
    this.sequence += 1;
    if (table === '*') {
      this.everythingAt = this.sequence;
      this.entries.clear();
      return;
    }
    this.changedAt.set(table, this.sequence);
    const stale: string[] = [];
    for (const [key, entry] of this.entries.entries()) if (entry.tables.has(table)) stale.push(key);
    for (const key of stale) this.entries.delete(key);
  }

  /** Stops listening (the app closed); the entries go. */
  close(): void {
    this.unsubscribe();
    this.entries.clear();
  }
}
