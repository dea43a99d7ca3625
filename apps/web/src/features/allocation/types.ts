/** The scenario as the API presents it (GET /api/scenarios/:id). */
export interface Scenario {
  id: string;
  name: string;
  planYear: number;
  budget: number;
  criteria: { code: string; weight: number }[];
  ahp: number[][] | null;
  assessments: Partial<Record<'urgensi' | 'kesiapan' | 'keselarasan', Record<string, number>>>;
  rules: Record<string, unknown>;
  timeLimit: number;
  gap: number;
  state: string;
  jobId: string | null;
  result: null | {
    status: string;
    objective: number | null;
    cost: number;
    gap: number | null;
    greedy: { objective: number; cost: number; count: number };
    weights: Record<string, number>;
    consistencyRatio: number | null;
    computedAt: string;
    conflicts: Record<string, unknown>[] | null;
    relaxation: { rule: Record<string, unknown>; by: number }[] | null;
    spending: Record<
      'optimum' | 'greedy',
      Record<'kecamatan' | 'kecamatanCode' | 'opd' | 'bidang', Record<string, number>>
    >;
  };
  candidates: {
    id: string;
    trackingCode: string;
    title: string;
    regionName: string;
    kecamatan: string;
    kecamatanName: string;
    opd: string | null;
    bidang: string;
    cost: number;
    beneficiaries: number;
    stage: string;
    score: number | null;
    inOptimum: boolean;
    inGreedy: boolean;
  }[];
  explanations: Record<string, Explanation>;
}

export interface Explanation {
  selected: boolean;
  displaced?: string[];
  binding?: Record<string, unknown>[];
  scoreLoss?: number;
  maxCost?: number | null;
}
