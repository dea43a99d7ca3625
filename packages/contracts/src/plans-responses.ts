import { verdicts } from '@sinergi/core';
import { z } from 'zod';

/** What the plans API answers (issue 6): plans, their trees and indicators, and the analyses. */

const year = z.string();
const money = z.record(z.string(), z.number());

export const planSummary = z
  .object({
    id: z.string(),
    kind: z.string(),
    level: z.string(),
    name: z.string(),
    startYear: z.number().int(),
    endYear: z.number().int(),
    owner: z.string().nullable(),
    ownerName: z.string().nullable(),
    sample: z.boolean(),
    /** `provinsi`: a copy of the province's plan, to link to; read only here. */
    source: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PlanSummary' });
export type PlanSummary = z.infer<typeof planSummary>;
export const planList = z.object({ items: z.array(planSummary) });

const realisation = z.object({ value: z.number(), source: z.string() });
export const indicatorView = z
  .object({
    id: z.string(),
    nodeId: z.string(),
    name: z.string(),
    unit: z.string(),
    direction: z.enum(['higher', 'lower']),
    additive: z.boolean(),
    baselineYear: z.number().int(),
    baselineValue: z.number(),
    targets: z.record(z.string(), z.number()),
    realisations: z.record(z.string(), realisation),
    /** Those entered on the indicator itself (what an edit sends back). */
    ownRealisations: z.record(z.string(), realisation),
    seriesIndicator: z.string().nullable(),
    seriesRegion: z.string().nullable(),
    byYear: z.array(
      z.object({
        year: z.number().int(),
        target: z.number().nullable(),
        realisation: z.number().nullable(),
        source: z.string().nullable(),
        achievement: z.number().nullable(),
        category: z.string().optional(),
        light: z.enum(['hijau', 'kuning', 'merah']).optional(),
      }),
    ),
    projections: z.array(
      z.object({
        year: z.number().int(),
        target: z.number().nullable(),
        projected: z.number().nullable(),
        verdict: z.enum(verdicts),
        reason: z.string(),
        basis: z.object({ points: z.number().int(), slope: z.number().nullable() }),
      }),
    ),
  })
  .meta({ id: 'PlanIndicator' });
export type Indicator = z.infer<typeof indicatorView>;

export const planNodeView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  position: z.number().int(),
  kind: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  tags: z.array(z.string()),
  budget: money,
  supports: z.array(z.object({ id: z.string(), title: z.string(), planId: z.string() })),
  indicators: z.array(indicatorView),
  proposals: z.array(
    z.object({
      id: z.string(),
      trackingCode: z.string(),
      title: z.string(),
      stage: z.string(),
      planNodeId: z.string().nullable(),
    }),
  ),
});
export type PlanNodeView = z.infer<typeof planNodeView>;

export const planDetail = planSummary
  .extend({
    mayEdit: z.boolean(),
    /** What the reader may do with this plan (core's rules; the server checks every write again). */
    abilities: z.object({ edit: z.boolean() }),
    nodes: z.array(planNodeView),
  })
  .meta({ id: 'PlanDetail' });
export type PlanDetail = z.infer<typeof planDetail>;

export const syncNamed = z.object({
  id: z.string(),
  title: z.string(),
  plan: z.string(),
  level: z.string(),
  kind: z.string(),
  owner: z.string().nullable(),
  ownerName: z.string().nullable(),
});
export const syncScore = z.object({
  owner: z.string(),
  ownerName: z.string(),
  total: z.number(),
  aligned: z.number(),
  score: z.number().nullable(),
});
export const syncAlignment = z.object({
  year,
  total: z.number(),
  served: z.number(),
  unserved: z.number(),
  byTarget: z.array(
    z.object({ id: z.string(), title: z.string(), amount: z.number(), share: z.number().nullable() }),
  ),
});
export const synchronisationView = z
  .object({
    year,
    orphans: z.array(syncNamed),
    uncovered: z.array(syncNamed),
    kabupaten: syncAlignment,
    nasional: syncAlignment,
    scores: z.array(syncScore),
    villages: z.array(syncScore),
    nestedPagu: z.array(
      z.object({
        nodeId: z.string(),
        ancestorId: z.string(),
        title: z.string(),
        ancestor: z.string(),
        plan: z.string(),
      }),
    ),
    consistency: z.array(
      z.object({
        nodeId: z.string(),
        title: z.string(),
        year,
        unit: z.string(),
        target: z.number(),
        sumBelow: z.number(),
        gap: z.number(),
      }),
    ),
  })
  .meta({ id: 'PlanSynchronisation' });
export type Synchronisation = z.infer<typeof synchronisationView>;
export type Alignment = Synchronisation['kabupaten'];
export type AlignmentScore = Synchronisation['scores'][number];

export const workItemList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string().nullable(),
      title: z.string(),
      kind: z.string(),
      plan: z.string(),
      owner: z.string().nullable(),
    }),
  ),
});
export type WorkItem = z.infer<typeof workItemList>['items'][number];

export const drillView = z.object({
  year,
  target: z.object({ id: z.string(), title: z.string(), plan: z.string() }),
  nodes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      code: z.string().nullable(),
      kind: z.string(),
      level: z.string(),
      plan: z.string(),
      planId: z.string(),
      owner: z.string().nullable(),
      ownerName: z.string().nullable(),
      budget: z.number(),
      via: z.array(z.string()),
    }),
  ),
  proposals: z.array(
    z.object({
      id: z.string(),
      trackingCode: z.string(),
      title: z.string(),
      stage: z.string(),
      regionCode: z.string(),
      estimatedCost: z.number(),
      planNodeId: z.string().nullable(),
    }),
  ),
});
export type Drill = z.infer<typeof drillView>;
export type DrillNode = Drill['nodes'][number];

export const linkTargetList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.string(),
      code: z.string().nullable(),
      plan: z.string(),
    }),
  ),
});
export type LinkTarget = z.infer<typeof linkTargetList>['items'][number];

/** An audit row as a record's history shows it. */
export const historyEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    role: z.string(),
    action: z.string(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof historyEntry>;
export const historyList = z.object({ items: z.array(historyEntry) });

export const nomenclatureList = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      level: z.string(),
      title: z.string(),
      output: z.string().nullable(),
      indicator: z.string().nullable(),
      unit: z.string().nullable(),
      importedAt: z.string(),
    }),
  ),
  total: z.number().int(),
});
export type NomenclatureList = z.infer<typeof nomenclatureList>;

export const seriesList = z.object({
  items: z.array(
    z.object({
      indicator: z.string(),
      regionCode: z.string(),
      year: z.number().int(),
      value: z.number(),
      unit: z.string().nullable(),
      source: z.string(),
      importedAt: z.string(),
    }),
  ),
  indicators: z.array(z.object({ indicator: z.string(), n: z.number().int() })),
});
export type SeriesList = z.infer<typeof seriesList>;
