import { z } from 'zod';

/** Issue 6: plans, nodes, links, indicators. */
export const planBody = z
  .strictObject({
    kind: z.enum(['RPJPN', 'RPJMN', 'RPJPD', 'RPJMD', 'Renstra', 'RKPD', 'Renja', 'RPJMDes', 'RKPDes']),
    level: z.enum(['nasional', 'provinsi', 'kabupaten', 'opd', 'desa']),
    name: z.string().trim().min(3).max(200),
    startYear: z.number().int().min(2000).max(2100),
    endYear: z.number().int().min(2000).max(2100),
    owner: z.string().trim().max(60).optional(),
  })
  .meta({ id: 'PlanBody' });
export const planNodeBody = z
  .strictObject({
    parentId: z.uuid().optional(),
    kind: z.enum([
      'visi',
      'misi',
      'tujuan',
      'sasaran',
      'prioritas',
      'program',
      'kegiatan',
      'subkegiatan',
      'rkpdes',
    ]),
    code: z.string().trim().max(40).optional(),
    title: z.string().trim().min(3).max(300),
    tags: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
    budget: z
      .record(z.string().regex(/^\d{4}$/, { error: 'year' }), z.number().int().min(0).max(1e15))
      .default({}),
    supports: z.array(z.uuid()).max(20).default([]),
  })
  .meta({ id: 'PlanNodeBody' });
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
  })
  .meta({ id: 'PlanIndicatorBody' });
export const planParams = z.strictObject({ id: z.uuid() });
export const syncQuery = z.strictObject({ year: z.string().regex(/^\d{4}$/, { error: 'year' }) });
