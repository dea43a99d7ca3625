import { beforeAfter, diffInDiff, type Estimate, type Panel, proportion } from '../stats/evaluation.ts';

/**
 * A program's evaluation from its enrolments: reach against target, completion, and for each
 * outcome the change of participants, of the comparison group, and the difference between them
 * (difference-in-differences), with cost per beneficiary and per outcome achieved, and breakdowns
 * by kecamatan, sex and age group.
 */
export interface OutcomeSpec {
  indicator: string;
  /** Higher is better unless 'lower'. */
  direction: 'higher' | 'lower';
  /** Binary outcomes (a business started, a job found) are counted, not averaged. */
  binary?: boolean | undefined;
  /** The planned change for participants (in the indicator's unit), when the program set one. */
  target?: number | undefined;
}

export interface EnrolmentRecord {
  group: 'peserta' | 'pembanding';
  completed: boolean;
  sex: 'L' | 'P';
  age: number;
  kecamatan: string;
  /** Per indicator, the baseline and follow-up measurements that exist. */
  measurements: Readonly<Record<string, { baseline?: number | undefined; followup?: number | undefined }>>;
}

export interface ProgramFacts {
  budget: number;
  targetBeneficiaries: number;
  outcomes: readonly OutcomeSpec[];
}

export interface OutcomeResult {
  indicator: string;
  direction: OutcomeSpec['direction'];
  target: number | null;
  /** Participants and comparison members measured at baseline and follow-up. */
  measured: { peserta: number; pembanding: number };
  participants: Estimate | null;
  comparison: Estimate | null;
  /** The effect: participants' change minus the comparison group's (null without a comparison). */
  effect: Estimate | null;
  /** Participants whose outcome moved the right way (binary: from 0 to 1). */
  achieved: number;
  costPerOutcome: number | null;
}

const age = (a: number) => (a < 25 ? '< 25' : a < 40 ? '25–39' : a < 55 ? '40–54' : '55+');
const better = (o: OutcomeSpec, p: Panel) =>
  o.binary
    ? p.before < 1 && p.after >= 1
    : o.direction === 'higher'
      ? p.after > p.before
      : p.after < p.before;

function panels(records: readonly EnrolmentRecord[], indicator: string): Panel[] {
  const out: Panel[] = [];
  for (const r of records) {
    const m = r.measurements[indicator];
    if (m?.baseline !== undefined && m.followup !== undefined)
      out.push({ before: m.baseline, after: m.followup });
  }
  return out;
}

export function evaluateProgram(facts: ProgramFacts, enrolments: readonly EnrolmentRecord[]) {
  const peserta = enrolments.filter((e) => e.group === 'peserta');
  const pembanding = enrolments.filter((e) => e.group === 'pembanding');
  const completed = peserta.filter((e) => e.completed).length;
  const outcomes: OutcomeResult[] = facts.outcomes.map((o) => {
    const pt = panels(peserta, o.indicator);
    const pc = panels(pembanding, o.indicator);
    const achieved = pt.filter((p) => better(o, p)).length;
    return {
      indicator: o.indicator,
      direction: o.direction,
      target: o.target ?? null,
      measured: { peserta: pt.length, pembanding: pc.length },
      participants: pt.length ? beforeAfter(pt) : null,
      comparison: pc.length ? beforeAfter(pc) : null,
      effect: pt.length >= 2 && pc.length >= 2 ? diffInDiff(pt, pc) : null,
      achieved,
      costPerOutcome: achieved ? facts.budget / achieved : null,
    };
  });
  const breakdown = (key: (e: EnrolmentRecord) => string) => {
    const groups = new Map<string, EnrolmentRecord[]>();
    for (const e of peserta) {
      const k = key(e);
      const list = groups.get(k);
      if (list) list.push(e);
      else groups.set(k, [e]);
    }
    return [...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, list]) => ({
        key: k,
        enrolled: list.length,
        completed: list.filter((e) => e.completed).length,
        // The mean change of the first outcome, the program's headline.
        meanChange: facts.outcomes[0]
          ? (() => {
              const p = panels(list, facts.outcomes[0]!.indicator);
              return p.length ? p.reduce((s, x) => s + x.after - x.before, 0) / p.length : null;
            })()
          : null,
      }));
  };
  return {
    reach: {
      enrolled: peserta.length,
      target: facts.targetBeneficiaries,
      share: facts.targetBeneficiaries ? peserta.length / facts.targetBeneficiaries : null,
    },
    comparisonGroup: pembanding.length,
    completion: proportion(completed, peserta.length),
    costPerBeneficiary: peserta.length ? facts.budget / peserta.length : null,
    outcomes,
    byKecamatan: breakdown((e) => e.kecamatan),
    bySex: breakdown((e) => e.sex),
    byAge: breakdown((e) => age(e.age)),
  };
}

export type ProgramEvaluation = ReturnType<typeof evaluateProgram>;
