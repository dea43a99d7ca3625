import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { findSetting, nextCounter, upsertSetting } from './settings.repository.ts';

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
