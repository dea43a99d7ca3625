import { fuels, isManufacturingKbli, wastewaterTreatments } from '@sinergi/core';
import { z } from 'zod';
import { figure, regionCode } from './common.ts';
import { estimate } from './programs-responses.ts';

/**
 * The industry registry (issue 21, part 1): industrial businesses (IKM and larger) with their
 * yearly report of output, energy, water and waste, their environmental permit and certificates;
 * the sentra IKM; the green-industry trainings; the situation analysis.
 */
export const industryScales = ['kecil', 'menengah', 'besar'] as const;
/** SPPL, UKL-UPL or AMDAL (PP 22/2021); '' when the business has none yet. */
export const envPermits = ['', 'sppl', 'ukl_upl', 'amdal'] as const;
/** SNI, halal and Standar Industri Hijau (Permenperin 39/2018) certificates. */
export const certificateKinds = ['sni', 'halal', 'sih'] as const;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' });
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const amount = (max: number) => z.number().min(0).max(max);

export const industryBody = z
  .strictObject({
    name: text(2, 200),
    kbli: z
      .string()
      .trim()
      .refine(isManufacturingKbli, { error: 'kbli_manufacturing' })
      .meta({ description: 'KBLI 2020 code, five digits, kategori C (10-33)', example: '10792' }),
    scale: z.enum(industryScales),
    desaCode: regionCode,
    sentraId: z.uuid().nullable().default(null),
    product: text(0, 200).default(''),
    envPermit: z.enum(envPermits).default(''),
    envPermitNumber: text(0, 120).default(''),
    certificates: z
      .array(
        z.strictObject({
          kind: z.enum(certificateKinds),
          number: text(1, 120),
          validUntil: isoDate.nullable().default(null),
        }),
      )
      .max(20)
      .default([]),
  })
  .meta({ id: 'IndustryBody' });

export const industryParams = z.strictObject({ id: z.uuid() });
export const industryReportParams = z.strictObject({
  id: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100),
});

/** A business's report for one year: output, workforce, energy, water and waste. */
export const industryReportBody = z
  .strictObject({
    workforce: z.number().int().min(0).max(1_000_000),
    /** Rupiah. */
    productionValue: amount(1e15),
    rawMaterials: text(0, 500).default(''),
    electricityKwh: amount(1e12),
    /** Litres of solar and bensin, kg of LPG, MMBTU of gas, tonnes of coal and of biomass. */
    fuel: z
      .strictObject({
        solar: amount(1e12).default(0),
        bensin: amount(1e12).default(0),
        lpg: amount(1e12).default(0),
        gas: amount(1e12).default(0),
        batubara: amount(1e12).default(0),
        biomassa: amount(1e12).default(0),
      })
      .prefault({}),
    waterM3: amount(1e12).default(0),
    solidWasteTon: amount(1e9).default(0),
    hazardousWasteTon: amount(1e9).default(0),
    wastewaterM3: amount(1e12).default(0),
    wastewaterCodKg: amount(1e12).default(0),
    wastewaterTreatment: z.enum(wastewaterTreatments).nullable().default(null),
  })
  .meta({ id: 'IndustryReportBody' });

export const industryListQuery = z.strictObject({
  kecamatan: regionCode.optional(),
  division: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});

const emissions = z.object({
  scope1: z.number(),
  scope2: z.number(),
  wastewater: z.number(),
  total: z.number(),
  biogenicCo2: z.number(),
  energyGj: z.number(),
  intensity: figure,
});

export const industrySummary = z
  .object({
    id: z.string(),
    name: z.string(),
    kbli: z.string(),
    scale: z.enum(industryScales),
    desaCode: z.string(),
    desa: z.string(),
    kecamatan: z.string(),
    sentra: z.string().nullable(),
    envPermit: z.enum(envPermits),
    certificates: z.array(z.enum(certificateKinds)),
    latestYear: z.number().int().nullable(),
    workforce: z.number().int().nullable(),
    productionValue: z.number().nullable(),
    emissions: z.number().nullable(),
    sample: z.boolean(),
  })
  .meta({ id: 'IndustrySummary' });
export const industryList = z.object({ items: z.array(industrySummary) });

export const industryReport = z.object({
  year: z.number().int(),
  workforce: z.number().int(),
  productionValue: z.number(),
  rawMaterials: z.string(),
  electricityKwh: z.number(),
  fuel: z.record(z.enum(fuels), z.number()),
  waterM3: z.number(),
  solidWasteTon: z.number(),
  hazardousWasteTon: z.number(),
  wastewaterM3: z.number(),
  wastewaterCodKg: z.number(),
  wastewaterTreatment: z.enum(wastewaterTreatments).nullable(),
  emissions,
});
export const industryDetail = industrySummary
  .extend({
    sentraId: z.string().nullable(),
    product: z.string(),
    envPermitNumber: z.string(),
    certificateList: z.array(
      z.object({ kind: z.enum(certificateKinds), number: z.string(), validUntil: z.string().nullable() }),
    ),
    reports: z.array(industryReport),
    trainings: z.array(z.object({ id: z.string(), title: z.string(), year: z.number().int() })),
  })
  .meta({ id: 'IndustryDetail' });
export const industryCreated = z.object({ id: z.string() });

export const sentraBody = z
  .strictObject({
    name: text(3, 200),
    product: text(2, 200),
    desaCode: regionCode,
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
  })
  .meta({ id: 'SentraBody' });
export const sentraList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      product: z.string(),
      desaCode: z.string(),
      desa: z.string(),
      kecamatan: z.string(),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      businesses: z.number().int(),
      workforce: z.number().int(),
    }),
  ),
});

const group = z.object({
  key: z.string(),
  name: z.string(),
  businesses: z.number().int(),
  workforce: z.number().int(),
  productionValue: z.number(),
  share: z.number(),
  growth: figure,
  emissions: z.number(),
  intensity: figure,
});
export const industryAnalysisQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const industryAnalysis = z
  .object({
    year: z.number().int().nullable(),
    years: z.array(z.number().int()),
    bySector: z.array(group),
    byKecamatan: z.array(group),
    /** Every reported year: totals, intensity and the straight path to net zero from the first year. */
    trend: z.array(
      z.object({
        year: z.number().int(),
        businesses: z.number().int(),
        productionValue: z.number(),
        emissions: z.number(),
        intensity: figure,
        netZeroPath: figure,
      }),
    ),
    /** The PDRB by lapangan usaha from the statistics series (BPS), where entered. */
    pdrb: z.array(
      z.object({
        category: z.string(),
        name: z.string(),
        year: z.number().int(),
        value: z.number(),
        share: z.number(),
        growth: figure,
        locationQuotient: figure,
      }),
    ),
    /** Whether the PDRB figures shown are clearly marked sample data. */
    pdrbSample: z.boolean(),
    certified: z.object({
      sni: z.number().int(),
      halal: z.number().int(),
      sih: z.number().int(),
      envPermit: z.number().int(),
      businesses: z.number().int(),
    }),
  })
  .meta({ id: 'IndustryAnalysis' });

export const trainingBody = z
  .strictObject({
    title: text(3, 200),
    year: z.number().int().min(2000).max(2100),
    organiser: text(2, 200),
    topic: text(0, 1000).default(''),
    partnerId: z.uuid().nullable().default(null),
    participants: z.array(z.uuid()).min(1).max(500),
  })
  .meta({ id: 'TrainingBody' });
export const trainingSummary = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  organiser: z.string(),
  partner: z.string().nullable(),
  participants: z.number().int(),
});
export const trainingList = z.object({ items: z.array(trainingSummary) });
export const trainingDetail = trainingSummary
  .extend({
    topic: z.string(),
    participantList: z.array(z.object({ id: z.string(), name: z.string(), kbli: z.string() })),
    evaluation: z.object({
      measured: z.object({ participants: z.number().int(), comparison: z.number().int() }),
      outcomes: z.array(
        z.object({
          indicator: z.string(),
          direction: z.enum(['lower', 'higher']),
          participants: estimate.nullable(),
          comparison: estimate.nullable(),
          effect: estimate.nullable(),
          improved: z.number().int(),
        }),
      ),
    }),
  })
  .meta({ id: 'TrainingDetail' });
