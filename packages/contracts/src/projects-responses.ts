import { scheduleStatuses } from '@sinergi/core';
import { z } from 'zod';
import { thresholdsBody } from './projects.ts';

/** What the projects API answers (issue 8): the portfolio, one project, permits and roads. */

const funding = z.array(
  z.object({
    source: z.string(),
    amount: z.number(),
    /** The partner who pays a CSR line, and its name. */
    partnerId: z.string().nullable().optional(),
    partnerName: z.string().nullable().optional(),
    commitmentId: z.string().nullable().optional(),
  }),
);
const scheduleStatus = z.enum([...scheduleStatuses, 'belum_mulai']);

/** Where a project stands on a date: plan against actual, money, status and forecast. */
export const projectStanding = z.object({
  plannedPhysical: z.number(),
  physical: z.number(),
  deviation: z.number(),
  plannedFinancial: z.number(),
  spent: z.number(),
  financialDeviation: z.number(),
  status: scheduleStatus,
  forecast: z.string().nullable(),
  /** The latest verified report's date: the official figures are from it. */
  lastReport: z.string().nullable(),
  /** The latest report still waiting for verification, newer than the official figures; not official. */
  pending: z.object({ reportDate: z.string(), physical: z.number(), spent: z.number() }).nullable(),
});
export type ProjectStanding = z.infer<typeof projectStanding>;

export const projectItem = projectStanding
  .extend({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    type: z.string(),
    organisation: z.string(),
    organisationId: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    kecamatan: z.string(),
    kecamatanName: z.string(),
    contractValue: z.number(),
    /** The firm that builds it (public in procurement); empty until contracted. */
    contractor: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    funding,
    location: z.unknown(),
    blockedPermits: z.number().int(),
    groupCode: z.string().nullable(),
    groupName: z.string().nullable(),
    sample: z.boolean(),
  })
  .meta({ id: 'ProjectItem' });
export type ProjectItem = z.infer<typeof projectItem>;
const riskItem = z.object({
  id: z.string(),
  name: z.string(),
  status: scheduleStatus,
  deviation: z.number(),
});

/** The whole portfolio (in the kecamatan asked for) on the day, whatever page of the list is shown. */
export const projectSummary = z
  .object({
    statuses: z.record(scheduleStatus, z.number().int()),
    byOpd: z.array(
      z.object({
        organisation: z.string(),
        organisationId: z.string(),
        projects: z.number().int(),
        value: z.number(),
        spent: z.number(),
        atRisk: z.number().int(),
      }),
    ),
    bySource: z.array(z.object({ source: z.string(), planned: z.number() })),
    /** Late or critical projects: the worst six per agency, and how many per kecamatan. */
    atRisk: z.object({
      total: z.number().int(),
      byOpd: z.array(z.object({ organisation: z.string(), worst: z.array(riskItem) })),
      byKecamatan: z.array(z.object({ kecamatan: z.string(), projects: z.number().int() })),
    }),
    /** Progress by program or activity, weighted by contract value (null without a value). */
    groups: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        projects: z.number().int(),
        planned: z.number().nullable(),
        actual: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ProjectSummary' });
export type ProjectSummary = z.infer<typeof projectSummary>;

export const projectList = z.object({
  on: z.string(),
  /** How many projects the list's filters match; `items` is the page asked for. */
  total: z.number().int(),
  items: z.array(projectItem),
  summary: projectSummary,
});
export type ProjectList = z.infer<typeof projectList>;

const photo = z.object({
  id: z.string(),
  takenAt: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});
export const progressReportView = z.object({
  id: z.string(),
  projectId: z.string(),
  reportDate: z.string(),
  physical: z.number(),
  spending: z.record(z.string(), z.number()),
  note: z.string(),
  problems: z.string(),
  followUp: z.string(),
  finalDocuments: z.array(z.string()),
  state: z.string(),
  reportedBy: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  photos: z.array(photo),
});
export type ProgressReportView = z.infer<typeof progressReportView>;

export const permitView = z.object({
  id: z.string(),
  projectId: z.string(),
  kind: z.string(),
  status: z.string(),
  office: z.string(),
  requestedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  note: z.string(),
  daysBlocked: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A GeoJSON point or line of the site, [lng, lat]. */
const location = z
  .object({
    type: z.string(),
    coordinates: z.union([z.tuple([z.number(), z.number()]), z.array(z.tuple([z.number(), z.number()]))]),
  })
  .nullable();

export const projectDetail = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    type: z.string(),
    organisationId: z.string(),
    organisation: z.object({ id: z.string(), shortName: z.string(), name: z.string() }).nullable(),
    regionCode: z.string(),
    regionName: z.string(),
    location,
    proposalId: z.string().nullable(),
    proposal: z.object({ id: z.string(), trackingCode: z.string(), title: z.string() }).nullable(),
    groupCode: z.string().nullable(),
    groupName: z.string().nullable(),
    contractor: z.string(),
    contractValue: z.number(),
    startDate: z.string(),
    endDate: z.string(),
    funding,
    plan: z.array(z.object({ month: z.string(), physical: z.number(), financial: z.number() })),
    roadSegments: z.array(z.string()),
    sample: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    reports: z.array(progressReportView),
    permits: z.array(permitView),
    standing: projectStanding,
    /** What the reader may do with this project (core's projectAbilities; every write is checked again). */
    abilities: z.object({ report: z.boolean(), verify: z.boolean(), managePermits: z.boolean() }),
  })
  .meta({ id: 'ProjectDetail' });
export type ProjectDetail = z.infer<typeof projectDetail>;

export const bottleneckList = z.object({
  items: z.array(
    z.object({
      kind: z.string(),
      projects: z.number().int(),
      money: z.number(),
      meanDaysBlocked: z.number().nullable(),
    }),
  ),
});

const roadShare = z.object({
  lengthKm: z.number(),
  steadyKm: z.number(),
  percent: z.number().nullable(),
  byCondition: z.record(z.string(), z.number()),
});
export const roadsView = z.object({
  year: z.number().int().nullable(),
  years: z.array(z.number().int()),
  total: roadShare.nullable(),
  byKecamatan: z.array(roadShare.extend({ area: z.string(), name: z.string() })),
});
export type RoadsView = z.infer<typeof roadsView>;

export const thresholdsView = thresholdsBody;
export type ThresholdsView = z.infer<typeof thresholdsBody>;

export const verifiedReport = z.object({ state: z.enum(['diverifikasi', 'ditolak']) });
export const photoAdded = z.object({
  id: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  takenAt: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});
export const savedId = z.object({ id: z.string() });
