/**
 * Ballots as the rules read them: supporters per project, each voter's projects, identical ballots
 * counted once, votes per project.
 */
import type { Election } from './rules.ts';

export interface Prepared {
  costs: bigint[];
  /** Supporters of each project: voter index and the points they gave (1 on approval ballots). */
  supporters: { voter: Int32Array; points: Float64Array }[];
  hasPoints: boolean;
}

export function prepare(e: Election): Prepared {
  const index = new Map(e.projects.map((p, i) => [p.id, i]));
  const lists = e.projects.map(() => ({ voter: [] as number[], points: [] as number[] }));
  let hasPoints = false;
  e.ballots.forEach((b, v) => {
    b.vote.forEach((pid, k) => {
      const i = index.get(pid);
      if (i === undefined) return;
      const pts = b.points?.[k] ?? 1;
      if (b.points) hasPoints = true;
      if (pts <= 0) return;
      lists[i]!.voter.push(v);
      lists[i]!.points.push(pts);
    });
  });
  return {
    costs: e.projects.map((p) => BigInt(p.cost)),
    supporters: lists.map((l) => ({ voter: Int32Array.from(l.voter), points: Float64Array.from(l.points) })),
    hasPoints,
  };
}

/**
 * The election with identical ballots (the same projects, in the same order, with the same points)
 * kept once, with how many voters each stands for, and which kept ballot each voter's is. Equal
 * Shares treats identical ballots alike, so it runs on the kept ones with weights: in Wieliczka
 * 2023, 6,586 ballots are 1,190 distinct ones.
 */
export function collapseBallots(e: Election): { election: Election; weights: number[]; keptOf: Int32Array } {
  const index = new Map<string, number>();
  const kept: Election['ballots'][number][] = [];
  const weights: number[] = [];
  const keptOf = new Int32Array(e.ballots.length);
  e.ballots.forEach((b, v) => {
    const k = `${b.vote.join('\u0000')}|${b.points ? b.points.join(',') : ''}`;
    let i = index.get(k);
    if (i === undefined) {
      i = kept.length;
      index.set(k, i);
      kept.push(b);
      weights.push(0);
    }
    weights[i]! += 1;
    keptOf[v] = i;
  });
  return { election: { ...e, ballots: kept }, weights, keptOf };
}

/** Votes per project: supporters on approval ballots, total points on cumulative ones. */
export function votesOf(e: Election): number[] {
  const prep = prepare(e);
  return prep.supporters.map((s) => s.points.reduce((a, b) => a + b, 0));
}
