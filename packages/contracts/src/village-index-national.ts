import { z } from 'zod';

const counts = z.record(z.string(), z.number().int());

/** Approved desa of an area in a year: how many, their mean index, and how many of each status. */
const indexArea = z.object({
  code: z.string(),
  name: z.string(),
  desa: z.number().int(),
  mean: z.number(),
  counts,
});

/**
 * This government beside its province and the nation, once a national file of a year (Kemendesa's
 * composites) is imported: the nation's dashboard, one row per province.
 */
export const indexNational = z
  .object({
    year: z.number().int().nullable(),
    nation: indexArea.nullable(),
    province: indexArea.nullable(),
    own: indexArea.nullable(),
    provinces: z.array(indexArea),
  })
  .meta({ id: 'IndexNational' });
export type IndexNational = z.infer<typeof indexNational>;
export const indexNationalQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
