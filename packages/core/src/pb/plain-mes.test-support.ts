import { add, cmp, div, mul, type Q, q, sub } from './rational.ts';
import type { Election } from './rules.ts';

/**
 * Equal Shares written the plain way, voter by voter, straight from the definition, in exact
 * rationals: the fast version (floats with rounding bounds, exact where too close to call) must
 * agree with it on the selection, the order and every rho. For tests only.
 */
export function plainMes(e: Election, utility: 'cost' | 'cardinality', start: Q[]) {
  const budgets = [...start];
  const left = new Set(e.projects.map((_, i) => i));
  const rounds: { project: string; rho: string }[] = [];
  const util = (p: number, pts: number) => BigInt(utility === 'cost' ? e.projects[p]!.cost : 1) * BigInt(pts);
  const supporters = e.projects.map((pr) =>
    e.ballots.flatMap((b, v) => {
      const k = b.vote.indexOf(pr.id);
      const pts = k < 0 ? 0 : (b.points?.[k] ?? 1);
      return pts > 0 ? [{ v, pts }] : [];
    }),
  );
  for (;;) {
    let best: { p: number; rho: Q } | null = null;
    for (const p of left) {
      const c = q(e.projects[p]!.cost);
      const sup = supporters[p]!.filter((x) => budgets[x.v]!.n > 0n);
      const total = sup.reduce((a, x) => add(a, budgets[x.v]!), q(0));
      if (sup.length === 0 || cmp(total, c) < 0) continue;
      // Try each supporter's b/u as the point where the capped set changes.
      const sorted = [...sup].sort((a, b) =>
        cmp(div(budgets[a.v]!, q(util(p, a.pts))), div(budgets[b.v]!, q(util(p, b.pts)))),
      );
      let rho: Q | null = null;
      let remaining = c;
      let usum = sorted.reduce((a, x) => a + util(p, x.pts), 0n);
      for (const x of sorted) {
        const cand = div(remaining, q(usum));
        if (cmp(cand, div(budgets[x.v]!, q(util(p, x.pts)))) <= 0) {
          rho = cand;
          break;
        }
        remaining = sub(remaining, budgets[x.v]!);
        usum -= util(p, x.pts);
      }
      rho ??= div(budgets[sorted.at(-1)!.v]!, q(util(p, sorted.at(-1)!.pts)));
      const better =
        !best ||
        cmp(rho, best.rho) < 0 ||
        (cmp(rho, best.rho) === 0 &&
          (e.projects[p]!.cost < e.projects[best.p]!.cost ||
            (e.projects[p]!.cost === e.projects[best.p]!.cost &&
              (supporters[p]!.length > supporters[best.p]!.length ||
                (supporters[p]!.length === supporters[best.p]!.length && p < best.p)))));
      if (better) best = { p, rho };
    }
    if (!best) break;
    for (const x of supporters[best.p]!) {
      const pay = mul(best.rho, q(util(best.p, x.pts)));
      budgets[x.v] = cmp(budgets[x.v]!, pay) <= 0 ? q(0) : sub(budgets[x.v]!, pay);
    }
    left.delete(best.p);
    rounds.push({ project: e.projects[best.p]!.id, rho: `${best.rho.n}/${best.rho.d}` });
  }
  return rounds;
}

/** What an Add1 outcome decided and how (selection, cost, endowment, steps, every round): two ways of running it must agree on all of it. */
export const decided = (o: {
  selected: readonly string[];
  cost: number;
  endowment: string;
  steps: number;
  rounds: unknown;
}) => ({ selected: o.selected, cost: o.cost, endowment: o.endowment, steps: o.steps, rounds: o.rounds });
