import { z } from 'zod';
import { assessedCriteria, criterionCodes, portfolioRules } from './allocation.ts';

/** What the budget scenario API answers (issue 5): scenarios, their optimum and the explanations. */

/** A proposal that may be funded (at the kabupaten forum or RKPD step), as scenarios and votes list it. */
export const fundingCandidate = z.object({
  id: z.string(),
  trackingCode: z.string(),
  title: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  kecamatan: z.string(),
  kecamatanName: z.string(),
  opd: z.string().nullable(),
  bidang: z.string(),
  cost: z.number(),
  beneficiaries: z.number(),
  stage: z.string(),
  forumRank: z.number().nullable(),
});

export const scenarioItem = z.object({
  id: z.string(),
  name: z.string(),
  planYear: z.number().int(),
  budget: z.number(),
  state: z.string(),
  status: z.string().nullable(),
  objective: z.number().nullable(),
  selected: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type ScenarioItem = z.infer<typeof scenarioItem>;
export const scenarioList = z.object({ items: z.array(scenarioItem) });

/** Why a proposal is in or out: the rules that bind it, what it would displace, the cost at which it would enter. */
export const explanation = z
  .object({
    selected: z.boolean(),
    displaced: z.array(z.string().optional()).optional(),
    binding: z.array(z.record(z.string(), z.unknown())).optional(),
    scoreLoss: z.number().optional(),
    maxCost: z.number().nullable().optional(),
  })
  .meta({ id: 'Explanation' });
export type Explanation = z.infer<typeof explanation>;

const rule = z.record(z.string(), z.unknown());
const spending = z.object({
  kecamatan: z.record(z.string(), z.number()),
  /** The same by kecamatan code, for the map. */
  kecamatanCode: z.record(z.string(), z.number()),
  opd: z.record(z.string(), z.number()),
  bidang: z.record(z.string(), z.number()),
});

export const scenarioDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    planYear: z.number().int(),
    budget: z.number(),
    criteria: z.array(z.object({ code: z.enum(criterionCodes), weight: z.number() })),
    ahp: z.array(z.array(z.number())).nullable(),
    assessments: z.partialRecord(z.enum(assessedCriteria), z.record(z.string(), z.number())),
    rules: portfolioRules,
    timeLimit: z.number(),
    gap: z.number(),
    state: z.string(),
    jobId: z.string().nullable(),
    updatedAt: z.string(),
    result: z
      .object({
        status: z.string(),
        objective: z.number().nullable(),
        cost: z.number(),
        gap: z.number().nullable(),
        greedy: z.object({ objective: z.number(), cost: z.number(), count: z.number().int() }),
        weights: z.record(z.string(), z.number()),
        consistencyRatio: z.number().nullable(),
        computedAt: z.string(),
        conflicts: z.array(rule).nullable(),
        relaxation: z.array(z.object({ rule, by: z.number() })).nullable(),
        spending: z.object({ optimum: spending, greedy: spending }),
      })
      .nullable(),
    candidates: z.array(
      fundingCandidate.extend({
        score: z.number().nullable(),
        inOptimum: z.boolean(),
        inGreedy: z.boolean(),
      }),
    ),
    explanations: z.record(z.string(), explanation),
    /** The adoption record: when and by whom, the totals, the scenario it replaced, and once replaced by what and why. */
    adoption: z
      .object({
        adoptedAt: z.string(),
        adoptedBy: z.string(),
        budget: z.number(),
        selectedCost: z.number(),
        fundedOutside: z.number(),
        replaced: z
          .object({ id: z.string(), name: z.string(), reason: z.string(), returned: z.number().int() })
          .optional(),
        supersededAt: z.string().optional(),
        supersededBy: z.string().optional(),
        supersededByScenario: z.string().optional(),
        supersedeReason: z.string().optional(),
      })
      .nullable(),
    /** The scenario of the same plan year adopted now (another one), which adopting this replaces. */
    adoptedOther: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .meta({ id: 'ScenarioDetail' });
export type ScenarioDetail = z.infer<typeof scenarioDetail>;
export const scenarioComparison = z.object({ items: z.array(scenarioDetail) });
