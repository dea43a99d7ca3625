/**
 * Statistical disclosure control for the industry totals the public reads: a cell counting fewer
 * than three businesses would show one business's own figures (its output, its energy), so it is
 * withheld, as statistical offices withhold establishment statistics. When a table with a
 * published total withholds exactly one cell, that cell could be had by subtraction, so the
 * smallest other cell is withheld too.
 */
export const MIN_BUSINESSES_PER_CELL = 3;

export function withholdSmallCells<T extends { businesses: number }>(
  cells: readonly T[],
  min = MIN_BUSINESSES_PER_CELL,
): (T & { withheld: boolean })[] {
  const out = cells.map((c) => ({ ...c, withheld: c.businesses < min }));
  if (out.filter((c) => c.withheld).length === 1) {
    const next = out.filter((c) => !c.withheld).sort((a, b) => a.businesses - b.businesses)[0];
    if (next) next.withheld = true;
  }
  return out;
}
