import { z } from 'zod';

/**
 * Partners of the kabupaten's development (issue 21): companies (CSR/TJSL), NGOs, universities and
 * international partners, their agreements (MoU, PKS) and what each commits (money, goods,
 * expertise); and the catalogue of opportunities a partner can take up.
 */
export const partnerKinds = ['swasta', 'bumn_bumd', 'lsm', 'perguruan_tinggi', 'internasional'] as const;
export const agreementKinds = ['mou', 'pks'] as const;
export const commitmentKinds = ['uang', 'barang', 'keahlian'] as const;
export const studyStatuses = ['rencana', 'berjalan', 'selesai'] as const;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' });
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const partnerBody = z.strictObject({
  name: text(2, 200),
  kind: z.enum(partnerKinds),
  sector: text(0, 120).default(''),
  website: z.union([z.url({ protocol: /^https?$/ }).max(300), z.literal('')]).default(''),
  notes: text(0, 2000).default(''),
});
export const partnerParams = z.strictObject({ id: z.uuid() });
export const agreementBody = z.strictObject({
  kind: z.enum(agreementKinds),
  number: text(0, 120).default(''),
  title: text(3, 200),
  scope: text(0, 2000).default(''),
  startsOn: isoDate,
  endsOn: isoDate,
  commitments: z
    .array(
      z.strictObject({
        kind: z.enum(commitmentKinds),
        description: text(3, 500),
        /** Rupiah, for money; goods and expertise may carry an estimated value or none. */
        amount: z.number().int().min(0).max(1e15).optional(),
      }),
    )
    .min(1)
    .max(50),
});

/** A study by a research partner and the plan items whose targets it informs. */
export const studyBody = z
  .strictObject({
    title: text(5, 300),
    year: z.number().int().min(2000).max(2100),
    status: z.enum(studyStatuses),
    summary: text(0, 3000).default(''),
    url: z.union([z.url({ protocol: /^https?$/ }).max(500), z.literal('')]).default(''),
    planNodeIds: z.array(z.uuid()).max(20).default([]),
  })
  .meta({ id: 'StudyBody' });
const study = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  status: z.enum(studyStatuses),
  summary: z.string(),
  url: z.string(),
  informs: z.array(z.object({ id: z.string(), title: z.string(), planId: z.string(), planName: z.string() })),
});

const commitment = z.object({
  id: z.string(),
  kind: z.enum(commitmentKinds),
  description: z.string(),
  amount: z.number().nullable(),
  /** Money of projects' CSR lines drawing on this commitment, and what their verified reports say was spent. */
  drawn: z.number(),
  spent: z.number(),
});
const agreement = z.object({
  id: z.string(),
  kind: z.enum(agreementKinds),
  number: z.string(),
  title: z.string(),
  scope: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** Whether today falls in its term. */
  inForce: z.boolean(),
  commitments: z.array(commitment),
});
export const partnerSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(partnerKinds),
    sector: z.string(),
    website: z.string(),
    agreements: z.number().int(),
    /** Money committed in agreements in force, in rupiah. */
    moneyInForce: z.number(),
    /** A sample partner of the demo. */
    sample: z.boolean(),
  })
  .meta({ id: 'PartnerSummary' });
export const partnerList = z.object({ items: z.array(partnerSummary) });
export const partnerDetail = partnerSummary
  .extend({
    notes: z.string(),
    agreementList: z.array(agreement),
    studies: z.array(study),
    /** The projects with a CSR line this partner pays: the line, what was spent from it, the progress. */
    projects: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        amount: z.number(),
        /** The commitment the line draws on, when it names one. */
        commitmentId: z.string().nullable(),
        spent: z.number(),
        physical: z.number(),
      }),
    ),
  })
  .meta({ id: 'PartnerDetail' });
export const partnerCreated = z.object({ id: z.string() });

export const opportunityList = z.object({
  /** Musrenbang proposals past moderation that the budget could not take (rejected for the ceiling, or deferred). */
  proposals: z.array(
    z.object({
      trackingCode: z.string(),
      title: z.string(),
      bidang: z.string(),
      desa: z.string(),
      kecamatan: z.string(),
      planYear: z.number().int(),
      estimatedCost: z.number(),
      decision: z.string(),
      reason: z.string().nullable(),
    }),
  ),
  /** Village-index indicators whose step the scheme gives to CSR/private partners, per desa below the top score. */
  villageSteps: z.array(
    z.object({
      year: z.number().int(),
      code: z.string(),
      indicator: z.string(),
      desaCode: z.string(),
      desa: z.string(),
      kecamatan: z.string(),
      score: z.number(),
    }),
  ),
});
