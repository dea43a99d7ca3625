import { pbCompletions, pbRuleNames } from '@sinergi/core';
import { z } from 'zod';
import { regionCode } from './common.ts';

/**
 * Participatory budgeting: an election's ballot format and counting rule are set apart (domain
 * facts, budget allocation part 2), so the same ballots can be counted by several rules.
 */
export const pbBallotFormat = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('approval'), maxChoices: z.number().int().min(1).max(200) }),
    z.strictObject({
      type: z.literal('cumulative'),
      /** Points a voter spreads over the projects. */
      points: z.number().int().min(2).max(100),
    }),
  ])
  .meta({ id: 'PbBallotFormat' });

export const pbRuleConfig = z
  .strictObject({
    rule: z.enum(pbRuleNames).default('mes'),
    utility: z.enum(['cost', 'cardinality']).default('cost'),
    completion: z.enum(pbCompletions).default('add1-greedy'),
    compareGreedy: z.boolean().default(false),
    /** Fewest votes a project needs to be eligible (Pabulib's min_project_score_threshold). */
    threshold: z.number().int().min(0).max(1e9).default(0),
    /**
     * Add1 raises every voter's share by this many rupiah at a time. Rp1 is the rule's own unit but
     * means hundreds of thousands of reruns on a rupiah budget; Rp1.000 keeps them in the hundreds.
     */
    add1Step: z.number().int().min(1).max(1e9).default(1000),
  })
  .meta({ id: 'PbRuleConfig' });

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,40}$/, { error: 'pb_project_code' });

export const pbElectionBody = z
  .strictObject({
    title: z.string().trim().min(5).max(160),
    description: z.string().trim().max(4000).default(''),
    planYear: z.number().int().min(2020).max(2100),
    budget: z.number().int().min(1).max(1e15),
    ballot: pbBallotFormat,
    rule: pbRuleConfig,
    /** Budget share per kecamatan, to correct unequal turnout (omit: one share for every voter). */
    districtShares: z.record(regionCode, z.number().min(0).max(1e6)).optional(),
    /** A desa's or kecamatan's own vote: its area (a desa or kecamatan account's own by default). */
    regionCode: regionCode.optional(),
    projects: z
      .array(
        z.strictObject({
          code,
          title: z.string().trim().min(3).max(200),
          cost: z.number().int().min(1).max(1e15),
          regionCode: regionCode.optional(),
          /** A Musrenbang proposal this project stands for: it is funded when the result is set. */
          proposalId: z.uuid().optional(),
        }),
      )
      .min(2)
      .max(500),
  })
  .meta({ id: 'PbElectionBody' });
export type PbElectionBody = z.infer<typeof pbElectionBody>;

export const pbElectionParams = z.strictObject({ id: z.uuid() });

/** An officer registers a resident after checking the KTP in person; the NIK is kept only as a keyed hash. */
export const pbVoterBody = z
  .strictObject({
    nik: z.string().regex(/^\d{16}$/, { error: 'nik' }),
    regionCode,
  })
  .meta({ id: 'PbVoterBody' });

export const pbBallotBody = z
  .strictObject({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^PB-[A-Z2-9]{4}-[A-Z2-9]{4}$/, { error: 'pb_code_format' }),
    vote: z.array(code).min(1).max(200),
    /** Cumulative ballots: points per project of `vote`. */
    points: z.array(z.number().int().min(1).max(100)).max(200).optional(),
  })
  .meta({ id: 'PbBallotBody' });
export type PbBallotBody = z.infer<typeof pbBallotBody>;

export const pbOverrideBody = z
  .strictObject({
    selected: z.array(code).max(500),
    /** Shown publicly beside the computed result. */
    reason: z.string().trim().min(30).max(4000),
  })
  .meta({ id: 'PbOverrideBody' });

export const pbReceiptParams = z.strictObject({
  receipt: z.string().regex(/^R-[A-Z2-9]{10}$/, { error: 'pb_receipt_format' }),
});
