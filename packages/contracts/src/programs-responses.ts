import { z } from 'zod';
import { figure } from './common.ts';

/** What the registry, UMKM, programs and poverty APIs answer (issue 7). */

// Registry

export const personView = z
  .object({
    id: z.string(),
    /** Masked (e.g. 3505••••••••0001) unless the role needs it for a person it serves. */
    nik: z.string(),
    kk: z.string().nullable(),
    identityVisible: z.boolean(),
    name: z.string(),
    sex: z.enum(['L', 'P']),
    birthDate: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    address: z.string(),
    welfareDecile: z.number().int().nullable(),
    sample: z.boolean(),
  })
  .meta({ id: 'Person' });
export type PersonView = z.infer<typeof personView>;
export const personList = z.object({ items: z.array(personView), total: z.number().int() });

export const personDetail = personView.extend({
  enrolments: z.array(
    z.object({
      enrolmentId: z.string(),
      programId: z.string(),
      code: z.string(),
      name: z.string(),
      group: z.string(),
      status: z.string(),
      enrolledOn: z.string(),
    }),
  ),
  umkm: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      sector: z.string(),
      products: z.string(),
      permits: z.record(z.string(), z.union([z.string(), z.boolean()])),
      channels: z.array(z.string()),
    }),
  ),
});
export type PersonDetail = z.infer<typeof personDetail>;

// UMKM

const umkmBase = z.object({
  id: z.string(),
  name: z.string(),
  sector: z.string(),
  products: z.string(),
  permits: z.record(z.string(), z.union([z.string(), z.boolean()])),
  channels: z.array(z.string()),
  regionCode: z.string(),
  sample: z.boolean(),
});
export const umkmItem = umkmBase.extend({ regionName: z.string(), owner: z.string().nullable() });
export type UmkmItem = z.infer<typeof umkmItem>;
export const umkmList = z.object({ items: z.array(umkmItem), total: z.number().int() });
export const umkmDetail = umkmBase.extend({
  records: z.array(z.object({ period: z.string(), revenue: z.number(), workers: z.number() })),
  /** The reader may record its months: its desa or kecamatan, or the agency responsible for small business. */
  canRecord: z.boolean(),
});
export type UmkmDetail = z.infer<typeof umkmDetail>;

// Programs

export const programItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  organisation: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  budget: z.number(),
  targetBeneficiaries: z.number().int(),
  participants: z.number().int(),
  comparison: z.number().int(),
  sample: z.boolean(),
});
export type ProgramItem = z.infer<typeof programItem>;
export const programList = z.object({ items: z.array(programItem) });

const condition = z.record(z.string(), z.unknown());
export const programDetail = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    type: z.string(),
    organisationId: z.string(),
    organisation: z
      .object({ id: z.string(), code: z.string(), shortName: z.string(), name: z.string() })
      .nullable(),
    startDate: z.string(),
    endDate: z.string(),
    budget: z.number(),
    targetBeneficiaries: z.number().int(),
    targetGroups: z.string(),
    eligibility: z.object({ all: z.array(condition) }),
    eligibilityVersion: z.number().int(),
    outputs: z.array(
      z.object({ name: z.string(), unit: z.string(), target: z.number(), achieved: z.number().optional() }),
    ),
    outcomes: z.array(z.object({ indicator: z.string() }).loose()),
    excludes: z.array(z.string()),
    cyclic: z.boolean(),
    sample: z.boolean(),
    ruleVersions: z.array(z.object({ version: z.number().int(), rule: z.unknown(), createdAt: z.string() })),
    /** Whether the reader manages this program (its agency, or Bappeda); every write is checked again. */
    abilities: z.object({ manage: z.boolean() }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ProgramDetail' });
export type ProgramDetail = z.infer<typeof programDetail>;
export const programSaved = z.object({ id: z.string(), eligibilityVersion: z.number().int() });

export const enrolmentList = z.object({
  /** Whether names are shown (the program's own agency); others see counts only. */
  named: z.boolean(),
  items: z.array(
    z.object({
      id: z.string(),
      personId: z.string().nullable(),
      name: z.string().nullable(),
      sex: z.string(),
      regionName: z.string(),
      group: z.enum(['peserta', 'pembanding']),
      status: z.string(),
      enrolledOn: z.string(),
      completedOn: z.string().nullable(),
      sessionsAttended: z.number().int().nullable(),
      measurements: z.array(
        z.object({ indicator: z.string(), phase: z.string(), value: z.number(), measuredOn: z.string() }),
      ),
    }),
  ),
});
export type Enrolment = z.infer<typeof enrolmentList>['items'][number];

export const estimate = z.object({
  n: z.number().int(),
  estimate: figure,
  se: figure,
  low: figure,
  high: figure,
  significant: z.boolean(),
});
const breakdown = z.object({
  key: z.string(),
  enrolled: z.number().int(),
  completed: z.number().int(),
  meanChange: figure,
});
const sentence = z.object({ text: z.string(), rule: z.string() });
export const evaluationView = z.object({
  program: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    type: z.string(),
    organisation: z.string(),
    sample: z.boolean(),
  }),
  evaluation: z.object({
    reach: z.object({ enrolled: z.number().int(), target: z.number(), share: z.number().nullable() }),
    comparisonGroup: z.number().int(),
    completion: z.object({ n: z.number().int(), share: figure, low: figure, high: figure }),
    costPerBeneficiary: z.number().nullable(),
    outcomes: z.array(
      z.object({
        indicator: z.string(),
        direction: z.enum(['higher', 'lower']),
        target: z.number().nullable(),
        measured: z.object({ peserta: z.number().int(), pembanding: z.number().int() }),
        participants: estimate.nullable(),
        comparison: estimate.nullable(),
        effect: estimate.nullable(),
        achieved: z.number().int(),
        costPerOutcome: z.number().nullable(),
      }),
    ),
    byKecamatan: z.array(breakdown),
    bySex: z.array(breakdown),
    byAge: z.array(breakdown),
  }),
  narrative: z.record(z.string(), z.array(sentence)),
  computedAt: z.string(),
});
export type EvaluationView = z.infer<typeof evaluationView>;
export type Breakdown = z.infer<typeof breakdown>;

export const cycleList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int(),
      period: z.string(),
      state: z.string(),
      amountPerRecipient: z.number(),
      ruleVersion: z.number().int(),
      recipients: z.number().int(),
      total: z.number(),
      ineligible: z.array(
        z.object({
          enrolmentId: z.string(),
          failed: z.array(z.object({ field: z.string(), value: z.unknown() })),
        }),
      ),
      steps: z.array(
        z.object({
          action: z.string(),
          from: z.string(),
          to: z.string(),
          by: z.string(),
          byUserId: z.string().nullable(),
          at: z.string(),
          note: z.string(),
        }),
      ),
    }),
  ),
});
export type Cycle = z.infer<typeof cycleList>['items'][number];
export const cycleMoved = z.object({ state: z.string() });

export const grievanceList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      /** The complaint's words: for the program's agency, Bappeda and the resident's desa or kecamatan; null for others. */
      description: z.string().nullable(),
      regionCode: z.string(),
      status: z.string(),
      resolution: z.string().nullable(),
      createdAt: z.string(),
      resolvedAt: z.string().nullable(),
    }),
  ),
  /** Whether the reader may read the complaints' words (else kind, place and handling only). */
  readable: z.boolean(),
});
export type Grievance = z.infer<typeof grievanceList>['items'][number];
export const grievanceUpdated = z.object({ status: z.string() });

const figures = z.object({
  recipients: z.number().int(),
  eligible: z.number().int(),
  includedIneligible: z.number().int(),
  excludedEligible: z.number().int(),
  inclusionError: z.number().nullable(),
  exclusionError: z.number().nullable(),
});
const areaFigures = figures.extend({ area: z.string(), name: z.string() });
export const targetingView = z.object({
  program: z.object({ id: z.string(), code: z.string() }),
  deciles: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
  conflicts: z.array(z.object({ code: z.string(), people: z.number().int() })),
  total: figures.optional(),
  byKecamatan: z.array(areaFigures).optional(),
  byDesa: z.array(areaFigures).optional(),
});
export type TargetingView = z.infer<typeof targetingView>;
export type AreaFigures = z.infer<typeof areaFigures>;

// Poverty

const profile = z.object({
  p0: figure,
  p1: figure,
  p2: figure,
  gini: figure,
  bottom40Share: figure,
  bottom40Band: z.enum(['tinggi', 'sedang', 'rendah']),
  people: z.number(),
  households: z.number().int(),
});
export const povertyView = z.object({
  survey: z
    .object({ name: z.string(), line: z.number(), sample: z.boolean(), households: z.number().int() })
    .nullable(),
  kabupaten: profile.optional(),
  kecamatan: z.array(profile.extend({ code: z.string(), name: z.string() })).optional(),
  between: z
    .object({
      williamson: figure,
      theil: z.object({ total: figure, between: figure, within: figure }),
    })
    .optional(),
  official: z.array(
    z.object({
      indicator: z.string(),
      period: z.string(),
      value: z.number(),
      unit: z.string(),
      source: z.string(),
    }),
  ),
  surveys: z.array(
    z.object({
      survey: z.string(),
      households: z.number().int(),
      line: z.number().optional(),
      sample: z.boolean().optional(),
    }),
  ),
});
export type PovertyView = z.infer<typeof povertyView>;
