import { z } from 'zod';

const rupiah = z.number().int().min(0).max(1e15);
const money = z.record(z.string().min(1).max(100), rupiah);
const id = z.string().min(1).max(100);

/** The rules of an allocation scenario (also the `rules.json` of `sinergi allocate`). */
export const portfolioRules = z
  .strictObject({
    opdCaps: money.optional(),
    opdFloors: money.optional(),
    bidangCaps: money.optional(),
    bidangFloors: money.optional(),
    kecamatanFloors: money.optional(),
    mustFund: z.array(id).max(100_000).optional(),
    requires: z
      .array(z.tuple([id, id]))
      .max(100_000)
      .optional(),
    exclusive: z.array(z.array(id).min(2).max(1000)).max(100_000).optional(),
    yearCeilings: z.record(z.string().regex(/^\d{4}$/, { error: 'year' }), rupiah).optional(),
    /**
     * Multi-year work: a proposal's cost per year (keys: proposal ids, then years), adding up to
     * its cost. Checked against `yearCeilings`; a proposal without one costs everything in the
     * plan year.
     */
    costProfiles: z.record(id, z.record(z.string().regex(/^\d{4}$/, { error: 'year' }), rupiah)).optional(),
  })
  .meta({ id: 'PortfolioRules' });
export type PortfolioRulesInput = z.infer<typeof portfolioRules>;

/**
 * Criteria of a scenario. The first four Sinergi computes from the proposal, the village index and
 * the forum; the last three the forum assesses per proposal on a 0–5 scale (urgency; readiness of
 * land and permits; alignment with plan priorities), until the planning and project modules can
 * supply them.
 */
export const computedCriteria = [
  'penerima_manfaat',
  'biaya_per_penerima',
  'kebutuhan_desa',
  'peringkat_forum',
] as const;
export const assessedCriteria = ['urgensi', 'kesiapan', 'keselarasan'] as const;
export const criterionCodes = [...computedCriteria, ...assessedCriteria] as const;

export const scenarioBody = z
  .strictObject({
    name: z.string().trim().min(3).max(120),
    planYear: z.number().int().min(2020).max(2100),
    budget: rupiah.refine((v) => v > 0, { error: 'positive' }),
    criteria: z
      .array(z.strictObject({ code: z.enum(criterionCodes), weight: z.number().min(0).max(100) }))
      .min(1)
      .max(criterionCodes.length),
    /** Optional AHP pairwise matrix in the order of `criteria`; it then sets the weights. */
    ahp: z
      .array(z.array(z.number().positive().max(9)))
      .max(10)
      .optional(),
    /** Keys: OPD codes, bidang codes, kecamatan codes; ids: proposal tracking codes. */
    rules: portfolioRules.default({}),
    /** The forum's 0–5 assessment per proposal (tracking code) for the assessed criteria; 0 when missing. */
    assessments: z
      .partialRecord(z.enum(assessedCriteria), z.record(id, z.number().min(0).max(5)))
      .default({}),
    timeLimit: z.number().min(1).max(3600).default(60),
    gap: z.number().min(0).max(0.5).default(0.0001),
  })
  .meta({ id: 'ScenarioBody' });
export type ScenarioBody = z.infer<typeof scenarioBody>;
export const scenarioParams = z.strictObject({ id: z.uuid() });
/** Adopting; replacing the scenario adopted for the year needs the reason. */
export const adoptBody = z
  .strictObject({ supersedeReason: z.string().trim().max(1000).optional() })
  .default({});
export const explainParams = z.strictObject({ id: z.uuid(), proposalId: z.uuid() });
export const compareQuery = z.strictObject({
  ids: z.string().regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36}){1,3}$/, { error: 'ids' }),
});
