import { planLevels } from '@sinergi/core';
import { z } from 'zod';

/** Issue 6: plans, nodes, links, indicators. */
export const planBody = z
  .strictObject({
    kind: z.enum([
      'RPJPN',
      'RPJMN',
      'RPJPD',
      'RPJMD',
      'RPIK',
      'Renstra',
      'RKPD',
      'Renja',
      'RPJMDes',
      'RKPDes',
    ]),
    level: z.enum(planLevels),
    name: z.string().trim().min(3).max(200),
    startYear: z.number().int().min(2000).max(2100),
    endYear: z.number().int().min(2000).max(2100),
    owner: z.string().trim().max(60).optional(),
  })
  .meta({ id: 'PlanBody' });
export const planNodeKinds = [
  'visi',
  'misi',
  'tujuan',
  'sasaran',
  'prioritas',
  'program',
  'kegiatan',
  'subkegiatan',
  'rkpdes',
] as const;
const nodeKind = z.enum(planNodeKinds);
const nodeCode = z.string().trim().max(40);
const nodeTitle = z.string().trim().min(3).max(300);
const nodeTags = z.array(z.string().trim().min(1).max(60)).max(10);
const nodeBudget = z.record(
  z.string().regex(/^\d{4}$/, { error: 'year' }),
  z.number().int().min(0).max(1e15),
);
export const planNodeBody = z
  .strictObject({
    parentId: z.uuid().optional(),
    kind: nodeKind,
    code: nodeCode.optional(),
    title: nodeTitle,
    tags: nodeTags.default([]),
    budget: nodeBudget.default({}),
    supports: z.array(z.uuid()).max(20).default([]),
  })
  .meta({ id: 'PlanNodeBody' });
/** Changes to a node's own fields; the tree position changes by moving it. */
export const planNodePatchBody = z
  .strictObject({
    kind: nodeKind.optional(),
    code: nodeCode.nullable().optional(),
    title: nodeTitle.optional(),
    tags: nodeTags.optional(),
    budget: nodeBudget.optional(),
  })
  .meta({ id: 'PlanNodePatchBody' });
/** Moves a node under another of the same plan (or to the top) at a position among its siblings. */
export const planNodeMoveBody = z
  .strictObject({ parentId: z.uuid().nullable(), position: z.number().int().min(0).max(10_000) })
  .meta({ id: 'PlanNodeMoveBody' });
export const planLinksBody = z
  .strictObject({ supports: z.array(z.uuid()).max(20) })
  .meta({ id: 'PlanLinksBody' });
export const planIndicatorBody = z
  .strictObject({
    name: z.string().trim().min(3).max(200),
    unit: z.string().trim().min(1).max(30),
    direction: z.enum(['higher', 'lower']),
    additive: z.boolean().default(false),
    baselineYear: z.number().int().min(2000).max(2100),
    baselineValue: z.number(),
    targets: z.record(z.string().regex(/^\d{4}$/, { error: 'year' }), z.number()).default({}),
    realisations: z
      .record(
        z.string().regex(/^\d{4}$/, { error: 'year' }),
        z.strictObject({ value: z.number(), source: z.string().trim().min(2).max(300) }),
      )
      .default({}),
    /** A statistics series whose values are realisations (for the kabupaten's region unless given). */
    seriesIndicator: z.string().trim().min(2).max(80).optional(),
    seriesRegion: z.string().trim().max(20).optional(),
    /** Set when the planner confirms the plausibility warnings they were shown. */
    confirmWarnings: z.boolean().optional(),
  })
  .meta({ id: 'PlanIndicatorBody' });
export const planParams = z.strictObject({ id: z.uuid() });
export const syncQuery = z.strictObject({ year: z.string().regex(/^\d{4}$/, { error: 'year' }) });
export const drillQuery = z.strictObject({
  node: z.uuid(),
  year: z.string().regex(/^\d{4}$/, { error: 'year' }),
});
export const proposalPlanNodeBody = z
  .strictObject({ nodeId: z.uuid().nullable() })
  .meta({ id: 'ProposalPlanNodeBody' });
export const nomenclatureLevels = ['urusan', 'bidang', 'program', 'kegiatan', 'subkegiatan'] as const;
export const nomenclatureQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  level: z.enum(nomenclatureLevels).optional(),
});
export const seriesQuery = z.strictObject({
  indicator: z.string().trim().max(80).optional(),
  region: z.string().trim().max(20).optional(),
});
