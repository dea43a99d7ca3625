/**
 * A forum's ranking of its agenda: by the total of the scores it recorded for each proposal, or
 * by votes. Equal totals share a rank and the next rank skips ("1, 2, 2, 4"), as forums announce
 * them; within a tie the order is the agenda's.
 */
export interface RankInput {
  id: string;
  /** Score per criterion, when the forum scores. */
  scores?: Readonly<Record<string, number>>;
  votes?: number;
}

export interface Ranked {
  id: string;
  total: number;
  rank: number;
}

export function rankAgenda(
  items: readonly RankInput[],
  method: 'skor' | 'suara',
  weights: Readonly<Record<string, number>> = {},
): Ranked[] {
  const totals = items.map((item, order) => ({
    id: item.id,
    order,
    total:
      method === 'suara'
        ? (item.votes ?? 0)
        : Object.entries(item.scores ?? {}).reduce((s, [k, v]) => s + v * (weights[k] ?? 1), 0),
  }));
  totals.sort((a, b) => b.total - a.total || a.order - b.order);
  let rank = 0;
  return totals.map((t, i) => {
    if (i === 0 || t.total !== totals[i - 1]!.total) rank = i + 1;
    return { id: t.id, total: t.total, rank };
  });
}
