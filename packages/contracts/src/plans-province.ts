import { z } from 'zod';
import { planSummary, syncAlignment, syncNamed, syncScore } from './plans-responses.ts';

/**
 * The province and its kabupaten/kota in one installation (issue 22, part 2): the province's
 * Bappeda reads each kabupaten's plans and synchronises them with its RPJMD and Renstra; a
 * kabupaten copies in the province's plans to link its own to.
 */
const government = z.object({ code: z.string(), name: z.string() });

export const provinceOverview = z
  .object({
    /** `provinsi`: this is a province with kabupaten here; `kabupaten`: a kabupaten with its province here; `sendiri`: alone. */
    scope: z.enum(['provinsi', 'kabupaten', 'sendiri']),
    province: government.nullable(),
    kabupaten: z.array(government.extend({ plans: z.array(planSummary) })),
    /** Kabupaten whose database did not answer just now: left out, named. */
    unreachable: z.array(government),
    /** For a kabupaten: its copies of the province's plans and when they were last taken. */
    copies: z.object({ plans: z.number().int(), takenAt: z.string().nullable() }),
  })
  .meta({ id: 'ProvinceOverview' });
export type ProvinceOverview = z.infer<typeof provinceOverview>;

export const provinceSyncView = z
  .object({
    year: z.string(),
    province: government,
    /** Each kabupaten/kota: its plans, its money of the year and the share serving the province's targets. */
    kabupaten: z.array(
      government.extend({
        plans: z.number().int(),
        total: z.number(),
        aligned: z.number(),
        score: z.number().nullable(),
        orphans: z.number().int(),
      }),
    ),
    /** Kabupaten whose database did not answer just now: left out of everything here, named. */
    unreachable: z.array(government),
    /** The province's targets that no kabupaten item serves. */
    uncovered: z.array(syncNamed),
    /** Work of the kabupaten reaching no province target, by any path. */
    orphans: z.array(syncNamed),
    money: syncAlignment,
    /** The province's OPD (its Renstra) and each kabupaten, as owners. */
    scores: z.array(syncScore),
    consistency: z.array(
      z.object({
        nodeId: z.string(),
        title: z.string(),
        year: z.string(),
        unit: z.string(),
        target: z.number(),
        sumBelow: z.number(),
        gap: z.number(),
      }),
    ),
  })
  .meta({ id: 'ProvinceSynchronisation' });
export type ProvinceSynchronisation = z.infer<typeof provinceSyncView>;

export const provincePull = z
  .object({
    plans: z.number().int(),
    nodes: z.number().int(),
    /** Items of an earlier copy the province no longer has, and the links of this kabupaten to them, removed. */
    removed: z.number().int(),
    linksRemoved: z.number().int(),
  })
  .meta({ id: 'ProvincePull' });

export const provinceCodeParams = z.object({ code: z.string().regex(/^\d{2}\.\d{2}$/), id: z.uuid() });
