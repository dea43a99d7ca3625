/**
 * Ballots as the rules read them: supporters per project, each voter's projects, identical ballots
 * counted once, votes per project.
 */
import type { Election } from './rules.ts';

/** Lists in flat typed arrays: row r's entries are item[at[r]] .. item[at[r + 1] - 1], each with its points. */
export interface Rows {
  at: Int32Array;
  item: Int32Array;
  points: Float64Array;
}

export interface Prepared {
  costs: bigint[];
  /** Supporters of each project: voter index and the points they gave (1 on approval ballots). */
  supporters: { voter: Int32Array; points: Float64Array }[];
  hasPoints: boolean;
  /** The same lists in flat arrays, by project (supporters) and by voter (the projects on each ballot). */
  byProject: Rows;
  byVoter: Rows;
}

export function prepare(e: Election): Prepared {
  return preparedOf(
    e,
    readBallots(e),
    e.ballots.some((b) => b.points),
  );
}

/** Each ballot as project indices and points, in the ballot's order; unknown projects and points of 0 or less are left out. */
export function readBallots(e: Election): Rows {
  const index = new Map<string, number>();
  e.projects.forEach((p, i) => {
    index.set(p.id, i);
  });
  const n = e.ballots.length;
  const at = new Int32Array(n + 1);
  let total = 0;
  for (const b of e.ballots) total += b.vote.length;
  const item = new Int32Array(total);
  const points = new Float64Array(total);
  let k = 0;
  for (let v = 0; v < n; v++) {
    const b = e.ballots[v]!;
    for (let j = 0; j < b.vote.length; j++) {
      const i = index.get(b.vote[j]!);
      const pts = b.points?.[j] ?? 1;
      if (i === undefined || !(pts > 0)) continue;
      item[k] = i;
      points[k++] = pts;
    }
    at[v + 1] = k;
  }
  return { at, item: item.subarray(0, k), points: points.subarray(0, k) };
}

/** The prepared election from each voter's row; supporters are listed by voter index. */
/** The election prepared from its ballots read as rows (what a thread given only the rows needs). */
export function preparedOf(e: Election, byVoter: Rows, hasPoints: boolean): Prepared {
  const m = e.projects.length;
  const n = byVoter.at.length - 1;
  const at = new Int32Array(m + 1);
  for (let k = 0; k < byVoter.item.length; k++) at[byVoter.item[k]! + 1]!++;
  for (let p = 0; p < m; p++) at[p + 1]! += at[p]!;
  const voter = new Int32Array(byVoter.item.length);
  const points = new Float64Array(byVoter.item.length);
  const next = at.slice(0, m);
  for (let v = 0; v < n; v++)
    for (let k = byVoter.at[v]!; k < byVoter.at[v + 1]!; k++) {
      const slot = next[byVoter.item[k]!]!++;
      voter[slot] = v;
      points[slot] = byVoter.points[k]!;
    }
  return {
    costs: e.projects.map((p) => BigInt(p.cost)),
    supporters: Array.from({ length: m }, (_, p) => ({
      voter: voter.subarray(at[p]!, at[p + 1]!),
      points: points.subarray(at[p]!, at[p + 1]!),
    })),
    hasPoints,
    byProject: { at, item: voter, points },
    byVoter,
  };
}

/**
 * The election with identical ballots (the same projects, in the same order, with the same points)
 * kept once, with how many voters each stands for, and which kept ballot each voter's is, and the
 * kept election prepared. Equal Shares treats identical ballots alike, so it runs on the kept ones
 * with weights: in Wieliczka 2023, 6,586 ballots are 1,190 distinct ones.
 */
export function collapseBallots(e: Election): {
  election: Election;
  weights: number[];
  keptOf: Int32Array;
  prepared: Prepared;
} {
  const rows = readBallots(e);
  const n = e.ballots.length;
  // Ballots by a hash of their projects and points, in an open-addressed table of kept indices
  // (+1; 0 is empty); equal hashes are compared entry by entry.
  const size = 2 ** Math.ceil(Math.log2(2 * n + 2));
  const table = new Int32Array(size);
  const kept: number[] = [];
  const weights: number[] = [];
  const keptOf = new Int32Array(n);
  const equal = (a: number, b: number) => {
    const la = rows.at[a + 1]! - rows.at[a]!;
    if (la !== rows.at[b + 1]! - rows.at[b]!) return false;
    for (let j = 0; j < la; j++)
      if (
        rows.item[rows.at[a]! + j] !== rows.item[rows.at[b]! + j] ||
        rows.points[rows.at[a]! + j] !== rows.points[rows.at[b]! + j]
      )
        return false;
    return true;
  };
  for (let v = 0; v < n; v++) {
    let h = 0x811c9dc5;
    for (let k = rows.at[v]!; k < rows.at[v + 1]!; k++) {
      h = Math.imul(h ^ rows.item[k]!, 0x01000193);
      h = Math.imul(h ^ (rows.points[k]! * 1024), 0x01000193);
    }
    let slot = h & (size - 1);
    while (table[slot] !== 0 && !equal(kept[table[slot]! - 1]!, v)) slot = (slot + 1) & (size - 1);
    if (table[slot] === 0) {
      table[slot] = kept.push(v);
      weights.push(0);
    }
    const i = table[slot]! - 1;
    weights[i]! += 1;
    keptOf[v] = i;
  }
  const at = new Int32Array(kept.length + 1);
  kept.forEach((v, i) => {
    at[i + 1] = at[i]! + rows.at[v + 1]! - rows.at[v]!;
  });
  const item = new Int32Array(at[kept.length]!);
  const points = new Float64Array(at[kept.length]!);
  for (let i = 0; i < kept.length; i++)
    for (let k = rows.at[kept[i]!]!, to = at[i]!; to < at[i + 1]!; k++, to++) {
      item[to] = rows.item[k]!;
      points[to] = rows.points[k]!;
    }
  const election = { ...e, ballots: kept.map((v) => e.ballots[v]!) };
  // Points on any ballot, kept or not (a ballot with points and an approval ballot can be alike).
  const prepared = preparedOf(
    election,
    { at, item, points },
    e.ballots.some((b) => b.points),
  );
  return { election, weights, keptOf, prepared };
}

/** Votes per project: supporters on approval ballots, total points on cumulative ones. */
export function votesOf(e: Election): number[] {
  const prep = prepare(e);
  return prep.supporters.map((s) => s.points.reduce((a, b) => a + b, 0));
}
