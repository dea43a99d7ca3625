import { z } from 'zod';
import { regionCode } from './common.ts';

const statusDef = z.object({ code: z.string(), name: z.string(), above: z.number().nullable() });

export const schemeInfo = z
  .object({
    id: z.string(),
    version: z.string(),
    name: z.string(),
    regulation: z.string(),
    unconfirmed: z.array(z.string()),
    notes: z.record(z.string(), z.object({ id: z.string(), en: z.string() })),
    statuses: z.array(statusDef),
    dimensions: z.array(z.object({ code: z.string(), name: z.string(), indicatorCount: z.number().int() })),
  })
  .meta({ id: 'IndexSchemeInfo' });

const counts = z.record(z.string(), z.number().int());

export const indexSummary = z
  .object({
    scheme: schemeInfo,
    region: z.object({ code: z.string(), name: z.string().nullable() }),
    years: z.array(z.object({ year: z.number().int(), desa: z.number().int(), mean: z.number(), counts })),
    transition: z
      .object({ from: z.number().int(), to: z.number().int(), matrix: z.record(z.string(), counts) })
      .nullable(),
    /** The year being approved, not yet shown: how many of the kabupaten's desa are approved. */
    inApproval: z
      .object({ year: z.number().int(), approved: z.number().int(), total: z.number().int() })
      .nullable(),
    kecamatan: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        year: z.number().int(),
        desa: z.number().int(),
        mean: z.number(),
        counts,
      }),
    ),
  })
  .meta({ id: 'IndexSummary' });
export type IndexSummary = z.infer<typeof indexSummary>;

export const indexResultsQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  within: regionCode.optional(),
});

export const indexResultList = z.object({
  year: z.number().int(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kecamatan: z.string(),
      value: z.number(),
      status: z.string(),
      dimensions: z.record(z.string(), z.number()),
    }),
  ),
});
export type IndexResultList = z.infer<typeof indexResultList>;

const planStep = z.object({
  indicator: z.string(),
  name: z.string(),
  dimension: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  gain: z.number(),
  effort: z.number(),
  actor: z.string(),
  organisations: z.array(z.string()),
});

export const desaScorecard = z
  .object({
    /** Whether the reader enters this desa's scores. */
    /** enter: the desa's own form; review: the verifier's or approver's view of a submitted year. */
    abilities: z.object({ enter: z.boolean(), review: z.boolean() }),
    code: z.string(),
    name: z.string(),
    kecamatan: z.object({ code: z.string(), name: z.string() }),
    scheme: schemeInfo,
    history: z.array(
      z.object({
        year: z.number().int(),
        value: z.number(),
        status: z.string(),
        dimensions: z.record(z.string(), z.number()),
        source: z.string(),
        state: z.string(),
      }),
    ),
    indicators: z
      .object({
        year: z.number().int(),
        items: z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            dimension: z.string(),
            score: z.number().int(),
            actor: z.string(),
            organisations: z.array(z.string()),
          }),
        ),
      })
      .nullable(),
    plan: z
      .object({
        ok: z.boolean(),
        reason: z.string().nullable(),
        from: z.string(),
        target: z.string().nullable(),
        current: z.number(),
        needed: z.number().nullable(),
        totalPoints: z.number().int(),
        totalEffort: z.number(),
        projected: z.number().nullable(),
        steps: z.array(planStep),
      })
      .nullable(),
  })
  .meta({ id: 'DesaScorecard' });
export type DesaScorecard = z.infer<typeof desaScorecard>;

export const weakestList = z.object({
  year: z.number().int(),
  desa: z.number().int(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      dimension: z.string(),
      actor: z.string(),
      organisations: z.array(z.string()),
      zero: z.number().int(),
      low: z.number().int(),
      mean: z.number(),
      potential: z.number(),
    }),
  ),
});
export type WeakestList = z.infer<typeof weakestList>;

export const indexYearQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const desaParams = z.strictObject({ code: regionCode });

export const entryParams = z.strictObject({
  code: regionCode,
  year: z.coerce.number().int().min(2015).max(2100),
});
const indicatorCode = z.string().regex(/^[A-Z0-9_]{3,64}$/);
export const entryBody = z.strictObject({
  scores: z.record(indicatorCode, z.number()),
  /** Raw observations behind rubric-scored indicators (distance in m, ratio, count). */
  observations: z.record(indicatorCode, z.number().min(0).max(1_000_000)).optional(),
  /**
   * The entry's `version` the edit started from, null when there was no entry yet: sent by the
   * offline outbox, so scores typed without a connection never overwrite a change made meanwhile
   * (refused as STALE, for the operator to compare and choose).
   */
  basedOn: z.string().max(64).nullable().optional(),
});
export const signOffBody = z.strictObject({ note: z.string().trim().max(500).optional() });
export const worklistQuery = z.strictObject({
  year: z.coerce.number().int().min(2015).max(2100),
  within: regionCode.optional(),
});
export const entryResult = z
  .object({
    code: z.string(),
    year: z.number().int(),
    state: z.string(),
    value: z.number(),
    status: z.string(),
    /** Why the entry was sent back, for the desa to read; null when it was not. */
    returnNote: z.string().nullable(),
    /** When it was last changed: what an edit's `basedOn` names. */
    version: z.string(),
  })
  .meta({ id: 'IndexEntry' });
export const worklist = z
  .object({
    year: z.number().int(),
    region: z.object({ code: z.string(), name: z.string() }),
    /** Desa in scope that have entered nothing for the year. */
    missing: z.array(z.object({ code: z.string(), name: z.string(), kecamatan: z.string() })),
    items: z.array(
      z.object({
        /** The steps the reader can take on this entry now. */
        abilities: z.object({
          save: z.boolean(),
          submit: z.boolean(),
          verify: z.boolean(),
          approve: z.boolean(),
          return: z.boolean(),
        }),
        code: z.string(),
        name: z.string(),
        kecamatan: z.string(),
        state: z.string(),
        source: z.string(),
        value: z.number(),
        status: z.string(),
        returnNote: z.string().nullable(),
        updatedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'IndexWorklist' });
export type Worklist = z.infer<typeof worklist>;
export const entryWithScores = entryResult
  .extend({
    source: z.string(),
    scores: z.record(z.string(), z.number()),
    observations: z.record(z.string(), z.number()),
    /** The previous year's result of the desa, for the verifier to compare; null when there is none. */
    previous: z
      .object({
        year: z.number().int(),
        value: z.number(),
        status: z.string(),
        scores: z.record(z.string(), z.number()),
      })
      .nullable(),
  })
  .meta({ id: 'IndexEntryWithScores' });
export type EntryWithScores = z.infer<typeof entryWithScores>;

export const importQuery = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/\.csv$/i, { error: 'csv_only' })
    .default('upload.csv'),
});
export const schemeFileQuery = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/\.xlsx$/i, { error: 'xlsx_only' }),
});
export const schemeParams = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,40}(@[A-Za-z0-9._-]{1,20})?$/),
});
export const rumusanImportBody = z
  .strictObject({
    files: z
      .array(
        z.strictObject({
          fileName: z.string().trim().min(1).max(200),
          kodeDesa: z.string().trim().max(20).optional(),
          /** The file's text as the desa keeps it. */
          content: z.string().min(2).max(2_000_000),
        }),
      )
      .min(1)
      .max(500),
  })
  .meta({ id: 'RumusanImport' });
export const templateImportQuery = z.strictObject({
  year: z.coerce.number().int().min(2015).max(2100),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/\.(csv|xlsx)$/i, { error: 'template_file' }),
});
export const importResult = z
  .object({ year: z.number().int(), rows: z.number().int(), changed: z.number().int(), file: z.string() })
  .meta({ id: 'IndexImportResult' });
export type ImportResult = z.infer<typeof importResult>;

const bilingual = z.strictObject({ id: z.string().min(1), en: z.string().min(1) });
const rubricBand = z.strictObject({
  min: z.number().optional(),
  minExclusive: z.boolean().optional(),
  max: z.number().optional(),
  maxExclusive: z.boolean().optional(),
  score: z.number().int(),
});

/** An index scheme as an admin loads it (JSON): validated field by field, then for consistency. */
export const indexSchemeDefinition = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{3,40}$/),
    version: z.string().regex(/^[A-Za-z0-9._-]{1,20}$/),
    name: z.string().min(3).max(200),
    regulation: z.string().min(3).max(200),
    scoreMin: z.number().int(),
    scoreMax: z.number().int(),
    aggregation: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('mean-of-normalised-sums'),
        scale: z.number().int().positive().max(1000).optional(),
      }),
      z.strictObject({
        kind: z.literal('weighted-sum'),
        scale: z.number().int().positive().max(1000),
        weights: z.record(z.string(), z.number().int().positive().max(1000)),
      }),
      z.strictObject({ kind: z.literal('geometric-mean'), scale: z.number().int().positive().max(1000) }),
    ]),
    statuses: z
      .array(
        z.strictObject({
          code: z.string().min(1).max(40),
          name: z.string().min(1).max(60),
          above: z.number().nullable(),
        }),
      )
      .min(2)
      .max(10),
    unconfirmed: z.array(z.string().min(1).max(40)).max(20),
    notes: z.record(z.string(), bilingual),
    dimensions: z
      .array(
        z.strictObject({
          code: z.string().regex(/^[A-Z0-9_]{2,20}$/),
          name: z.string().min(1).max(120),
          indicators: z
            .array(
              z.strictObject({
                code: z.string().regex(/^[A-Z0-9_]{3,64}$/),
                name: z.string().min(1).max(200),
                subdimension: z.string().max(120).optional(),
                actor: z.enum(['pusat', 'provinsi', 'kabupaten', 'desa', 'csr', 'lainnya']),
                organisations: z.array(z.string().max(32)).max(10),
                rubric: z
                  .strictObject({
                    unit: z.string().max(20),
                    label: z.string().max(120),
                    bands: z.array(rubricBand).min(1).max(20),
                  })
                  .optional(),
              }),
            )
            .min(1)
            .max(200),
        }),
      )
      .min(1)
      .max(12),
  })
  .meta({ id: 'IndexSchemeDefinition' });

export const schemeSummary = z
  .object({
    id: z.string(),
    schemeId: z.string(),
    version: z.string(),
    name: z.string(),
    regulation: z.string(),
    builtIn: z.boolean(),
    indicators: z.number().int(),
    dimensions: z.array(z.object({ code: z.string(), name: z.string(), indicators: z.number().int() })),
    aggregation: z.string(),
    unconfirmed: z.array(z.string()),
    /** Why each unconfirmed part is so, in Bahasa Indonesia and English. */
    notes: z.record(z.string(), z.object({ id: z.string(), en: z.string() })),
    createdAt: z.string().nullable(),
  })
  .meta({ id: 'IndexSchemeSummary' });
export const schemeList = z.object({ items: z.array(schemeSummary) });
export type SchemeSummary = z.infer<typeof schemeSummary>;
