import { pbCompletions, pbRuleNames } from '@sinergi/core';
import { z } from 'zod';
import { fundingCandidate } from './allocation-responses.ts';
import { figure } from './common.ts';

/** What the participatory budgeting API answers (issue 5). A figure over no ballots is null. */

const state = z.enum(['draf', 'dibuka', 'ditutup', 'ditetapkan']);
const source = z.enum(['sinergi', 'pabulib']);
const counts = z.object({
  ballots: z.number().int(),
  registered: z.number().int(),
  byChannel: z.record(z.string(), z.number().int()),
});

export const electionItem = counts.extend({
  id: z.string(),
  title: z.string(),
  planYear: z.number().int(),
  budget: z.number(),
  /** The currency of its amounts: IDR for Sinergi's own votes, the file's for an imported one ('' when it names none). */
  currency: z.string(),
  state,
  source,
  overridden: z.boolean(),
  updatedAt: z.string(),
});
export type ElectionItem = z.infer<typeof electionItem>;
export const electionList = z.object({ items: z.array(electionItem) });

export const ballotFormat = z.discriminatedUnion('type', [
  z.object({ type: z.literal('approval'), maxChoices: z.number().int() }),
  z.object({ type: z.literal('cumulative'), points: z.number().int() }),
]);
export const ruleConfig = z.object({
  rule: z.enum(pbRuleNames),
  utility: z.enum(['cost', 'cardinality']),
  completion: z.enum(pbCompletions),
  compareGreedy: z.boolean(),
  threshold: z.number().optional(),
  add1Step: z.number().optional(),
});
export type RuleConfigView = z.infer<typeof ruleConfig>;

export const voteQuality = z.object({
  budgetUsed: figure,
  votersWithOne: z.number().int(),
  exclusionRatio: figure,
  meanSatisfaction: figure,
  meanSatisfactionShare: figure,
});
export type Quality = z.infer<typeof voteQuality>;

export const electionDetail = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    planYear: z.number().int(),
    budget: z.number(),
    currency: z.string(),
    ballot: ballotFormat,
    rule: ruleConfig,
    districtShares: z.record(z.string(), z.number()).nullable(),
    /** A desa's or kecamatan's own vote: its area; null for the kabupaten's. */
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    /** Whether the asker runs this vote (opens, closes, counts, sets the result). */
    mayManage: z.boolean(),
    state,
    source,
    meta: z.record(z.string(), z.string()),
    counts,
    projects: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        cost: z.number(),
        regionCode: z.string().nullable(),
        regionName: z.string().nullable(),
        proposalId: z.string().nullable(),
        /** The proposal's public page (description, photos, place), when the project is a proposal. */
        trackingCode: z.string().nullable(),
        votes: z.number().nullable(),
        selected: z.boolean().nullable(),
      }),
    ),
    result: z
      .object({
        outcome: z.object({
          selected: z.array(z.string()),
          cost: z.number(),
          rule: z.string(),
          tieBreak: z.string(),
          rounds: z.array(
            z.object({
              project: z.string(),
              rho: z.string(),
              payments: z.array(z.object({ amount: z.string(), voters: z.number().int() })),
            }),
          ),
          endowment: z.string().optional(),
          steps: z.number().int().optional(),
          stopRule: z.string().optional(),
          comparison: z
            .object({ preferGreedy: z.number(), preferMes: z.number(), kept: z.enum(['mes', 'greedy']) })
            .optional(),
          belowThreshold: z.array(z.string()),
          quality: voteQuality,
        }),
        greedy: z.object({ selected: z.array(z.string()), cost: z.number(), quality: voteQuality }),
        votes: z.record(z.string(), z.number()),
        ballots: z.number().int(),
        config: ruleConfig,
        districtCorrected: z.boolean(),
        computedAt: z.string(),
      })
      .nullable(),
    override: z
      .object({
        selected: z.array(z.string()),
        cost: z.number(),
        reason: z.string(),
        by: z.string(),
        at: z.string(),
      })
      .nullable(),
    final: z.array(z.string()).nullable(),
    /** The count in plain words for citizens (how the budget is shared, why each project is in or out). */
    explanation: z.array(z.string()).nullable(),
  })
  .meta({ id: 'Election' });
export type ElectionDetail = z.infer<typeof electionDetail>;

export const pbCandidateList = z.object({ items: z.array(fundingCandidate) });
export type PbCandidate = z.infer<typeof pbCandidateList>['items'][number];

/** A receipt checked: recorded, when and how, and the fingerprint in the public list; never the ballot's content. */
export const receiptView = z.object({
  receipt: z.string(),
  electionId: z.string(),
  title: z.string(),
  channel: z.string(),
  castOn: z.string(),
  fingerprint: z.string(),
});
export const fingerprintList = z.object({ electionId: z.string(), fingerprints: z.array(z.string()) });
export type Receipt = z.infer<typeof receiptView>;

export const overrideSaved = z.object({ selected: z.array(z.string()), cost: z.number() });
