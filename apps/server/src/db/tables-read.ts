/**
 * What the database layer knows of the request it serves: the tables its queries named, recorded
 * as they run (drizzle's query logger), so a cached answer knows what it was read from and a write
 * knows what it touched (http/read-cache.ts); and whether its client is still there, so a request
 * the client abandoned stops before its next query instead of holding the database for nobody.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { getTableName, is, Table } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import * as schema from './schema.ts';

const tableNames = new Set(
  Object.values(schema)
    .filter((value) => is(value, Table))
    .map((table) => getTableName(table as Table)),
);

export interface RequestScope {
  tables: Set<string>;
  /** True once the client has gone (its connection closed before the answer). */
  gone(): boolean;
}

/** Raised before a query of a request whose client has gone; the answer is never written. */
export class ClientGone extends Error {
  constructor() {
    super('the client closed the connection before the answer');
    this.name = 'ClientGone';
  }
}

/** ClientGone itself, or a query error (drizzle wraps what a query throws) caused by it. */
export function isClientGone(error: unknown): boolean {
  return error instanceof ClientGone || (error instanceof Error && error.cause instanceof ClientGone);
}

const current = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` as the work of one request. */
export function asRequest<T>(scope: RequestScope, fn: () => T): T {
  return current.run(scope, fn);
}

/**
 * Runs `fn` as work of no request: background work started from a request's callback (a change
 * notice, a timer it set) would otherwise carry the request along, stop when its client leaves, and
 * add its tables to the request's record.
 */
export function outsideRequest<T>(fn: () => T): T {
  return current.exit(fn);
}

/** Whether this runs for a request. */
export function inRequest(): boolean {
  return current.getStore() !== undefined;
}

/** Throws ClientGone when the request this runs for has been abandoned. */
export function assertClientWaiting(): void {
  if (current.getStore()?.gone()) throw new ClientGone();
}

/**
 * Every word of a statement that is a table's name: drizzle quotes its identifiers, but a
 * repository's own SQL (a bulk upsert from a temporary table) may not, and a write it missed would
 * leave the writer's next read to the change notice, which on PostgreSQL may come after it. A column
 * or word that happens to share a table's name only drops an entry more often.
 */
const words = /[a-z_][a-z0-9_]*/g;
/** The tables of each statement text, read once: the same few statements run on every request. */
const tablesOfText = new Map<string, readonly string[]>();
const KNOWN_TEXTS = 2000;

function tablesIn(text: string): readonly string[] {
  let tables = tablesOfText.get(text);
  if (!tables) {
    tables = [...new Set([...text.matchAll(words)].map((m) => m[0]).filter((n) => tableNames.has(n)))];
    if (tablesOfText.size >= KNOWN_TEXTS) tablesOfText.clear();
    tablesOfText.set(text, tables);
  }
  return tables;
}

/** Adds the tables a statement names to the running record. */
export function noteQuery(text: string): void {
  const scope = current.getStore();
  if (!scope) return;
  for (const table of tablesIn(text)) scope.tables.add(table);
}

export const tableRecorder: Logger = { logQuery: (query) => noteQuery(query) };
