import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { claimSetting, findSetting, nextCounter, upsertSetting } from './settings.repository.ts';

/** Office settings kept as JSON by key (thresholds, the survey shown): the one way modules read and write them. */
export function getSetting(ctx: AppContext, key: string): Promise<unknown> {
  return findSetting(ctx.database.db, key);
}

/** Writes a setting inside the caller's transaction, so it lands with the caller's audit row. */
export function putSetting(ctx: AppContext, tx: Db, key: string, value: unknown): Promise<void> {
  return upsertSetting(tx, key, value, ctx.clock());
}

/** The next running number of a document series (e.g. one office's berita acara of a year), in the caller's transaction. */
export function nextDocumentNo(ctx: AppContext, tx: Db, series: string): Promise<number> {
  return nextCounter(tx, `docno:${series}`, ctx.clock());
}

/**
 * The number a document is registered under, given once: the first print of a document (one IDM
 * berita acara, one month's report) takes the next number of its kind and year, and every later
 * print carries the same. Two first prints at once get one number (the key is unique).
 */
export async function registeredNumber(
  ctx: AppContext,
  ref: string,
  series: string,
  make: (no: number) => string,
): Promise<string> {
  const key = `docref:${ref}`;
  const known = await findSetting(ctx.database.db, key);
  if (typeof known === 'string' && known) return known;
  return ctx.database.db.transaction(async (tx) => {
    if (!(await claimSetting(tx, key, ''))) return String(await findSetting(tx, key));
    const number = make(await nextCounter(tx, `docno:${series}`, ctx.clock()));
    await upsertSetting(tx, key, number, ctx.clock());
    return number;
  });
}
