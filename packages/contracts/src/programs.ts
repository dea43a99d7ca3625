import { cycleActions, programTypes } from '@sinergi/core';
import { z } from 'zod';
import { regionCode } from './common.ts';

/** Issue 7: the social registry and programs. NIK and No. KK travel in bodies only, never in URLs. */
const identifier = z.string().regex(/^\d{16}$/, { error: 'nik' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' });

export const personBody = z
  .strictObject({
    nik: identifier,
    kk: z.string().regex(/^\d{16}$/, { error: 'kk' }),
    name: z.string().trim().min(2).max(120),
    sex: z.enum(['L', 'P']),
    birthDate: isoDate,
    regionCode,
    address: z.string().trim().max(200).default(''),
  })
  .meta({ id: 'PersonBody' });
export type PersonBody = z.infer<typeof personBody>;

export const nikLookupBody = z.strictObject({ nik: identifier }).meta({ id: 'NikLookupBody' });

export const peopleQuery = z.strictObject({
  region: regionCode.optional(),
  q: z.string().trim().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const eligibilityCondition = z.discriminatedUnion('field', [
  z.strictObject({
    field: z.literal('decile'),
    min: z.number().int().min(1).max(10),
    max: z.number().int().min(1).max(10),
  }),
  z.strictObject({
    field: z.literal('age'),
    min: z.number().int().min(0).max(120).optional(),
    max: z.number().int().min(0).max(120).optional(),
  }),
  z.strictObject({ field: z.literal('sex'), in: z.array(z.enum(['L', 'P'])).min(1) }),
  z.strictObject({ field: z.literal('region'), within: z.array(regionCode).min(1).max(300) }),
  z.strictObject({ field: z.literal('ownsBusiness'), equals: z.boolean() }),
]);

export const outcomeIndicators = [
  'pendapatan',
  'omzet',
  'hasil_panen',
  'harga_jual',
  'tenaga_kerja',
  'usaha_baru',
] as const;

export const programBody = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{2,30}$/, { error: 'program_code' }),
    name: z.string().trim().min(3).max(160),
    type: z.enum(programTypes),
    organisationId: z.uuid(),
    startDate: isoDate,
    endDate: isoDate,
    budget: z.number().int().min(0).max(1e15),
    targetBeneficiaries: z.number().int().min(0).max(10_000_000),
    targetGroups: z.string().trim().max(500).default(''),
    eligibility: z.strictObject({ all: z.array(eligibilityCondition).max(20) }),
    outputs: z
      .array(
        z.strictObject({
          name: z.string().trim().min(2).max(120),
          unit: z.string().trim().min(1).max(30),
          target: z.number().min(0),
          /** What has been delivered so far, as the agency reports it. */
          achieved: z.number().min(0).optional(),
        }),
      )
      .max(20)
      .default([]),
    outcomes: z
      .array(
        z.strictObject({
          indicator: z.enum(outcomeIndicators),
          direction: z.enum(['higher', 'lower']).default('higher'),
          binary: z.boolean().default(false),
          target: z.number().optional(),
        }),
      )
      .max(6)
      .default([]),
    excludes: z.array(z.string()).max(20).default([]),
    cyclic: z.boolean().default(false),
  })
  .meta({ id: 'ProgramBody' });
export type ProgramBody = z.infer<typeof programBody>;

export const programParams = z.strictObject({ id: z.uuid() });

export const enrolmentBody = z
  .strictObject({
    /**
     * The resident's NIK, typed from their card in their presence: an agency enrols (and so comes
     * to see the identity of) only someone whose NIK it has, never an id picked from a list.
     */
    nik: identifier,
    group: z.enum(['peserta', 'pembanding']).default('peserta'),
    umkmId: z.uuid().optional(),
    enrolledOn: isoDate,
  })
  .meta({ id: 'EnrolmentBody' });

export const enrolmentPatch = z
  .strictObject({
    status: z.enum(['aktif', 'selesai', 'keluar']).optional(),
    completedOn: isoDate.nullable().optional(),
    sessionsAttended: z.number().int().min(0).max(1000).optional(),
  })
  .meta({ id: 'EnrolmentPatch' });

export const measurementBody = z
  .strictObject({
    indicator: z.enum(outcomeIndicators),
    phase: z.enum(['baseline', 'followup']),
    value: z.number().min(-1e12).max(1e12),
    measuredOn: isoDate,
  })
  .meta({ id: 'MeasurementBody' });

export const enrolmentParams = z.strictObject({ id: z.uuid() });

export const povertyQuery = z.strictObject({
  survey: z.string().trim().min(1).max(80).optional(),
  line: z.coerce.number().min(1).max(1e9).optional(),
});
export const surveyImportQuery = z.strictObject({
  survey: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 ._-]{2,80}$/, { error: 'survey_name' }),
  line: z.coerce.number().int().min(1).max(1e9),
});

export const decileImportQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const cycleBody = z
  .strictObject({
    period: z.string().trim().min(3).max(60),
    amountPerRecipient: z.number().int().min(0).max(1e12),
  })
  .meta({ id: 'CycleBody' });
export const cycleActionParams = z.strictObject({
  id: z.uuid(),
  action: z.enum(cycleActions),
});
export const cycleActionBody = z.strictObject({ note: z.string().trim().max(500).default('') });

export const grievanceBody = z
  .strictObject({
    kind: z.enum(['kelayakan', 'penyaluran', 'lainnya']),
    description: z.string().trim().min(10).max(2000),
    regionCode,
    enrolmentId: z.uuid().optional(),
  })
  .meta({ id: 'GrievanceBody' });
export const grievancePatch = z
  .strictObject({
    status: z.enum(['diproses', 'selesai', 'ditolak']),
    resolution: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'GrievancePatch' });

export const umkmBody = z
  .strictObject({
    name: z.string().trim().min(2).max(160),
    /** KBLI 2020: five digits. */
    sector: z.string().regex(/^\d{5}$/, { error: 'kbli' }),
    regionCode,
    products: z.string().trim().max(500).default(''),
    permits: z
      .partialRecord(
        z.enum(['nib', 'pirt', 'halal', 'bpom', 'sni']),
        z.union([z.string().max(40), z.boolean()]),
      )
      .default({}),
    channels: z
      .array(z.enum(['langsung', 'marketplace', 'whatsapp', 'media_sosial', 'pameran']))
      .max(5)
      .default([]),
    ownerId: z.uuid().optional(),
  })
  .meta({ id: 'UmkmBody' });
export const umkmRecordBody = z
  .strictObject({
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'month' }),
    revenue: z.number().int().min(0).max(1e13),
    workers: z.number().int().min(0).max(100_000),
  })
  .meta({ id: 'UmkmRecordBody' });
