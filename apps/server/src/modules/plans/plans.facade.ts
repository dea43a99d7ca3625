import type { AppContext } from '../../context.ts';
import { findSeriesOfRegion } from './plans.repository.ts';

/**
 * What other modules may ask of the plans module's data without its tables: the published
 * statistics series (the one source of published figures; the poverty page reads it).
 */
export function seriesOfRegion(ctx: AppContext, indicators: readonly string[], region: string) {
  return findSeriesOfRegion(ctx.database.db, indicators, region);
}
