export interface ElectionItem {
  id: string;
  title: string;
  planYear: number;
  budget: number;
  state: 'draf' | 'dibuka' | 'ditutup' | 'ditetapkan';
  source: 'sinergi' | 'pabulib';
  ballots: number;
  registered: number;
}

export interface Receipt {
  receipt: string;
  electionId: string;
  title: string;
  channel: string;
  vote: string[];
  points: number[] | null;
  castOn: string;
}

export type Ballot = { type: 'approval'; maxChoices: number } | { type: 'cumulative'; points: number };

export interface RuleConfig {
  rule: 'mes' | 'greedy' | 'greedy-no-skip' | 'phragmen';
  utility: 'cost' | 'cardinality';
  completion: 'none' | 'add1' | 'add1-greedy';
  compareGreedy: boolean;
  threshold: number;
  add1Step: number;
}

export interface Quality {
  budgetUsed: number;
  votersWithOne: number;
  exclusionRatio: number;
  meanSatisfaction: number;
  meanSatisfactionShare: number;
}

export interface Election {
  id: string;
  title: string;
  description: string;
  planYear: number;
  budget: number;
  ballot: Ballot;
  rule: RuleConfig;
  districtShares: Record<string, number> | null;
  state: ElectionItem['state'];
  source: ElectionItem['source'];
  counts: { ballots: number; registered: number; byChannel: Record<string, number> };
  projects: {
    code: string;
    title: string;
    cost: number;
    regionCode: string | null;
    regionName: string | null;
    proposalId: string | null;
    votes: number | null;
    selected: boolean | null;
  }[];
  result: {
    outcome: {
      selected: string[];
      cost: number;
      rule: string;
      tieBreak: string;
      rounds: { project: string; rho: string; payments: { amount: string; voters: number }[] }[];
      endowment?: string;
      steps?: number;
      stopRule?: string;
      comparison?: { preferGreedy: number; preferMes: number; kept: 'mes' | 'greedy' };
      belowThreshold: string[];
      quality: Quality;
    };
    greedy: { selected: string[]; cost: number; quality: Quality };
    ballots: number;
    districtCorrected: boolean;
    computedAt: string;
  } | null;
  override: { selected: string[]; cost: number; reason: string; by: string; at: string } | null;
  final: string[] | null;
}
