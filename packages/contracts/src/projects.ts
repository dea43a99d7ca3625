import { fundingSources, scheduleStatuses } from '@sinergi/core';
import { z } from 'zod';
import { regionCode } from './common.ts';

/** Issue 8: projects, progress, permits, roads. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' });

export { fundingSources };
export const projectTypes = [
  'jalan',
  'jembatan',
  'irigasi',
  'pasar',
  'gedung',
  'pelatihan',
  'lainnya',
] as const;
export const permitKinds = [
  'lahan',
  'pbg',
  'amdal_ukl_upl',
  'andalalin',
  'izin_galian',
  'rekomendasi_teknis',
  'lainnya',
] as const;

const planPoint = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'month' }),
  physical: z.number().min(0).max(100),
  financial: z.number().int().min(0).max(1e15),
});

export const projectBody = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9.-]{3,40}$/, { error: 'project_code' })
      .optional(),
    name: z.string().trim().min(3).max(200),
    type: z.enum(projectTypes),
    organisationId: z.uuid(),
    regionCode,
    location: z
      .union([
        z.strictObject({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
        z.strictObject({
          type: z.literal('LineString'),
          coordinates: z
            .array(z.tuple([z.number(), z.number()]))
            .min(2)
            .max(500),
        }),
      ])
      .optional(),
    groupCode: z.string().trim().max(60).optional(),
    groupName: z.string().trim().max(200).optional(),
    contractor: z.string().trim().max(200).default(''),
    contractValue: z.number().int().min(0).max(1e15),
    startDate: isoDate,
    endDate: isoDate,
    funding: z
      .array(
        z.strictObject({
          source: z.enum(fundingSources),
          amount: z.number().int().min(0).max(1e15),
          /** The partner who pays a CSR line (the partners registry). */
          partnerId: z.uuid().optional(),
          /** The partner's money commitment this CSR line draws on, so the rupiah is traced from the agreement. */
          commitmentId: z.uuid().optional(),
        }),
      )
      .min(1)
      .max(12),
    plan: z.array(planPoint).min(1).max(60),
    roadSegments: z.array(z.string().max(40)).max(50).default([]),
  })
  .meta({ id: 'ProjectBody' });
export type ProjectBody = z.infer<typeof projectBody>;

export const projectParams = z.strictObject({ id: z.uuid() });

export const progressBody = z
  .strictObject({
    reportDate: isoDate,
    physical: z.number().min(0).max(100),
    /** Spent so far per funding line: its source, or "csr:<partner id>" for a partner's line. */
    spending: z
      .record(
        z.string().regex(new RegExp(`^(${fundingSources.join('|')})(:[0-9a-f-]{36})?$`)),
        z.number().int().min(0).max(1e15),
      )
      .default({}),
    note: z.string().trim().max(2000).default(''),
    problems: z.string().trim().max(2000).default(''),
    followUp: z.string().trim().max(2000).default(''),
    finalDocuments: z.array(z.string().trim().min(3).max(200)).max(20).default([]),
    /** A report below the one before it corrects an earlier figure: it says so, and why. */
    correction: z.boolean().default(false),
    correctionReason: z.string().trim().max(1000).default(''),
  })
  .meta({ id: 'ProgressBody' });
export type ProgressBody = z.infer<typeof progressBody>;

export const verifyBody = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(1000).default(''),
});

export const permitBody = z
  .strictObject({
    kind: z.enum(permitKinds),
    status: z.enum(['belum', 'proses', 'selesai', 'terkendala']),
    office: z.string().trim().max(160).default(''),
    requestedOn: isoDate.nullable().default(null),
    dueOn: isoDate.nullable().default(null),
    doneOn: isoDate.nullable().default(null),
    note: z.string().trim().max(1000).default(''),
  })
  .meta({ id: 'PermitBody' });

/**
 * `kecamatan` and `on` set the portfolio the summary covers; `organisationId` and `status` narrow
 * the list, which comes a page at a time (`limit` from `offset`).
 */
export const projectListQuery = z.strictObject({
  organisationId: z.uuid().optional(),
  kecamatan: regionCode.optional(),
  status: z.enum([...scheduleStatuses, 'belum_mulai']).optional(),
  on: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const roadsQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** The office's thresholds for the schedule status (points behind plan). */
export const thresholdsBody = z
  .strictObject({
    lateTolerance: z.number().min(0).max(50),
    criticalEarly: z.number().min(0).max(100),
    criticalLate: z.number().min(0).max(100),
    criticalSwitchAt: z.number().min(0).max(100),
  })
  .meta({ id: 'ThresholdsBody' });
