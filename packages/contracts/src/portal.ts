import { stages } from '@sinergi/core';
import { z } from 'zod';
import { regionCode } from './common.ts';
import { bidangList, proposalEvent } from './musrenbang.ts';

/*
 * The public portal's view of proposals (issue 20): what anyone may read about a proposal once its
 * desa has let it through moderation. Never the proposer, a contact, RT/RW or who decided by name:
 * an office decides, and the office is named.
 */

export const publicProposalQuery = z.strictObject({
  year: z.coerce.number().int().min(2020).max(2100).optional(),
  /** A kecamatan or desa code: the proposals inside it. */
  region: regionCode.optional(),
  stage: z.enum(stages).optional(),
  bidang: z.enum(bidangList).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const decision = z
  .object({ kind: z.string(), reason: z.string().nullable(), note: z.string().nullable(), actor: z.string() })
  .nullable();

const fundedProject = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    status: z.string(),
    physical: z.number(),
    plannedPhysical: z.number(),
  })
  .nullable();

export const publicProposalItem = z.object({
  trackingCode: z.string(),
  title: z.string(),
  track: z.string(),
  bidang: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  kecamatanName: z.string(),
  planYear: z.number().int(),
  stage: z.string(),
  state: z.string(),
  estimatedCost: z.number().int(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  /** The latest decision on it, with its reason: why it went on, waits, or stopped. */
  decision,
  project: fundedProject,
  /** How many citizens' accounts support it (one each): an input the forums may weigh. */
  supports: z.number().int(),
});

export const publicProposalList = z
  .object({
    total: z.number().int(),
    /** How many of the filter's proposals lie in each desa, by code: the map's shading. */
    perDesa: z.record(z.string(), z.number().int()),
    items: z.array(publicProposalItem),
  })
  .meta({ id: 'PublicProposalList' });

export const publicProposalDetail = publicProposalItem
  .extend({
    description: z.string(),
    volume: z.number(),
    unit: z.string(),
    beneficiaries: z.number().int(),
    mergedInto: z.string().nullable(),
    /** Photo ids, read at /api/public/proposals/{code}/photos/{photoId}. */
    photos: z.array(z.string()),
    events: z.array(proposalEvent),
    /** Still with its desa for moderation: shown to whoever holds the code, without its text or photos. */
    inModeration: z.boolean(),
  })
  .meta({ id: 'PublicProposalDetail' });

/** Proposals like one a citizen is about to send, in the same desa and year. */
export const similarQuery = z.strictObject({
  region: regionCode,
  title: z.string().trim().min(3).max(200),
  year: z.coerce.number().int().min(2020).max(2100),
});
export const similarList = z.object({
  items: z.array(
    z.object({ trackingCode: z.string(), title: z.string(), stage: z.string(), similarity: z.number() }),
  ),
});

export type PublicProposalItem = z.infer<typeof publicProposalItem>;
export type PublicProposalDetail = z.infer<typeof publicProposalDetail>;
export type PublicProposalList = z.infer<typeof publicProposalList>;
