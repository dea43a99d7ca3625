import type { Prepared } from './ballots.ts';
import { flat } from './mes-lists.ts';
import { add, cmp, div, key, mul, type Q, q, raw, sub, ZERO } from './rational.ts';
import type { Election, Outcome } from './rules.ts';

export interface MesRound {
  project: string;
  /** Share per unit of utility paid by the supporters who were not exhausted. */
  rho: string;
  /** What the supporters paid, grouped by amount: "amount x count". */
  payments: { amount: string; voters: number }[];
}

export interface MesOutcome extends Outcome {
  rounds: MesRound[];
  endowment: string;
  /** What each voter spent, worked out when asked (Add1 runs hundreds of rounds that never ask). */
  spentByVoter(): Q[];
}

/**
 * The exact side of Equal Shares (mes.ts): budgets and rho as rationals, worked out only where a
 * float decision was too close to call, and for the rounds and payments an outcome reports.
 *
 * A voter's exact budget before a round is their endowment less, round by round, what they paid
 * (rho x their utility, or all they had left); rho of a round is exact from what the float run noted:
 * nobody capped (c / the supporters' utility), the capped voters (their exact budgets are
 * subtracted first), or, when someone stood within rounding of the cap, every supporter's exact
 * budget sorted. Each round's rho is worked out once, and only when something asks for it.
 */
export interface Rates {
  /** Whether p's supporters can pay its cost before `round`, exactly. */
  affordable(p: number, round: number): boolean;
  /** The exact rho of a round decided by exact comparison. */
  remember(round: number, rho: Q): void;
  /** p's exact rho before `round`, or null when its supporters cannot pay for it. */
  rho(p: number, round: number): Q | null;
  report(p: number, round: number): MesRound;
  spentByVoter(rounds: number): Q[];
}

/** Kinds of payment (round and points) a tree node may have children for: node x STEPS + step stays below 2^53. */
const STEPS = 2 ** 21;

export function ratesOf(s: {
  e: Election;
  prep: Prepared;
  utility: 'cost' | 'cardinality';
  w: Float64Array;
  start: (v: number) => Q;
  /** The round in which a voter was certainly left with nothing. */
  drained: Int32Array;
  /** Voters once left within rounding of nothing: their exact budget may have been cut to zero then. */
  touchy: Uint8Array;
  roundOf: Int32Array;
  /**
   * What the float run saw when it charged each round: the project, and the voters capped, which
   * are capped[from[round]] .. capped[to[round] - 1], or to[round] = -1 when someone was too close to call.
   */
  noted: { p: Int32Array; from: Int32Array; to: Int32Array; capped: Int32Array };
}): Rates {
  const { prep, w, drained, roundOf } = s;
  const n = s.e.ballots.length;
  const base = (p: number) => (s.utility === 'cost' ? prep.costs[p]! : 1n);
  const u = (p: number, pts: number) => base(p) * BigInt(Math.round(pts));
  const { noted } = s;
  /** Each round's exact rho, once worked out or decided by exact comparison. */
  const known: (Q | undefined)[] = [];
  const cappedOf = (round: number) =>
    noted.to[round]! < 0 ? null : noted.capped.subarray(noted.from[round]!, noted.to[round]!);
  const { on, project, given } = flat(prep, n);
  // Budgets by history: voters who paid in the same rounds, with the same points, from the same
  // endowment hold the same, so each is worked out once. The histories form a tree: a node is a
  // budget, its children the budgets after one more payment (keyed by the node, the round and
  // the points).
  const nodeBudget: Q[] = [];
  const child = new Map<number, number>();
  const roots = new Map<Q, number>();
  const steps = new Map<number, number>();
  const payOf = new Map<number, Q>();

  const rhoOf = (round: number): Q => {
    known[round] ??= solve(noted.p[round]!, round, cappedOf(round));
    return known[round];
  };
  /** v's exact budget before `round`. */
  const budget = (v: number, round: number): Q => {
    if (drained[v]! < round) return ZERO;
    // The rounds v paid in before `round`, in order. A list of its own: working out a round's rho
    // below may ask for other voters' budgets.
    const paid: number[] = [];
    for (let k = on[v]!; k < on[v + 1]!; k++) {
      const j = roundOf[project[k]!]!;
      if (j >= 0 && j < round && given[k]! > 0) paid.push(k);
    }
    paid.sort((a, b) => roundOf[project[a]!]! - roundOf[project[b]!]!);
    const from = s.start(v);
    let node = roots.get(from);
    if (node === undefined) {
      node = nodeBudget.push(from) - 1;
      roots.set(from, node);
    }
    for (const k of paid) {
      const left: Q = nodeBudget[node]!;
      if (left.n === 0n) break;
      // One payment: its round and the points given (rounded, as u rounds them), numbered as first met.
      const payment = roundOf[project[k]!]! + (s.e.projects.length + 1) * Math.round(given[k]!);
      let step = steps.get(payment);
      if (step === undefined) {
        step = steps.size;
        if (step >= STEPS) throw new RangeError('more kinds of payment than the history tree can key');
        steps.set(payment, step);
      }
      const at = node * STEPS + step;
      let next = child.get(at);
      if (next === undefined) {
        let pay = payOf.get(step);
        if (!pay) {
          pay = mul(rhoOf(roundOf[project[k]!]!), q(u(project[k]!, given[k]!)));
          payOf.set(step, pay);
        }
        next = nodeBudget.push(cmp(left, pay) <= 0 ? ZERO : sub(left, pay)) - 1;
        child.set(at, next);
      }
      node = next;
    }
    return nodeBudget[node]!;
  };
  /**
   * What voters hold together before `round`. A voter never charged less than a full share (not
   * drained, never within rounding of nothing) holds their endowment less rho x u of each round
   * they paid in, so those are summed per round: a few products instead of one exact budget each.
   * The others are worked out one by one.
   */
  const held = (list: readonly { v: number }[], round: number): Q => {
    const fromStart = new Map<Q, bigint>();
    const perRound = new Map<number, bigint>();
    let total = ZERO;
    for (const { v } of list) {
      if (drained[v]! < round) continue;
      if (s.touchy[v]) {
        total = add(total, mul(budget(v, round), q(weight(v))));
        continue;
      }
      const from = s.start(v);
      fromStart.set(from, (fromStart.get(from) ?? 0n) + weight(v));
      for (let k = on[v]!; k < on[v + 1]!; k++) {
        const j = roundOf[project[k]!]!;
        if (j >= 0 && j < round && given[k]! > 0)
          perRound.set(j, (perRound.get(j) ?? 0n) + weight(v) * u(project[k]!, given[k]!));
      }
    }
    for (const [from, k] of fromStart) total = add(total, mul(from, q(k)));
    for (const [j, k] of perRound) total = sub(total, mul(rhoOf(j), q(k)));
    return total;
  };
  const weight = (v: number) => BigInt(w[v]!);
  /** p's supporters who still hold something before `round`, one call each. */
  const eachSupporter = (p: number, round: number, f: (v: number, pts: number) => void) => {
    const sp = prep.supporters[p]!;
    for (let k = 0; k < sp.voter.length; k++)
      if (sp.points[k]! > 0 && drained[sp.voter[k]!]! >= round) f(sp.voter[k]!, sp.points[k]!);
  };
  /** The same, as a list. */
  const supportersOf = (p: number, round: number) => {
    const out: { v: number; pts: number }[] = [];
    eachSupporter(p, round, (v, pts) => out.push({ v, pts }));
    return out;
  };

  /** rho before `round` from what was noted: nobody or known voters capped, else every budget sorted. */
  const solve = (p: number, round: number, capped: ArrayLike<number> | null): Q => {
    if (!capped) return full(p, round)!;
    const isCapped = new Set(Array.from(capped));
    // The others' utility: base x the sum of weight x points, integers exact in a double.
    let units = 0;
    eachSupporter(p, round, (v, pts) => {
      if (!isCapped.has(v)) units += w[v]! * Math.round(pts);
    });
    const usum = base(p) * BigInt(units);
    const paidByCapped = held(
      Array.from(capped, (v) => ({ v })),
      round,
    );
    return div(sub(q(prep.costs[p]!), paidByCapped), q(usum));
  };
  /** rho from every supporter's exact budget, or null when together they cannot pay. */
  const full = (p: number, round: number): Q | null => {
    const groups = new Map<Q, Map<number, { b: Q; u: bigint; count: bigint }>>();
    const all = supportersOf(p, round);
    for (const x of all) {
      const b = budget(x.v, round);
      if (b.n === 0n) continue;
      const byPts = memo(groups, b, () => new Map());
      const g = byPts.get(x.pts);
      if (g) g.count += weight(x.v);
      else byPts.set(x.pts, { b, u: u(p, x.pts), count: weight(x.v) });
    }
    const list = [...groups.values()].flatMap((byPts) => [...byPts.values()]);
    const c = q(prep.costs[p]!);
    if (list.length === 0 || cmp(held(all, round), c) < 0) return null;
    // b/u ascending: b1 x u2 against b2 x u1, without building quotients.
    list.sort((a, b) => cmp(raw.mul(a.b, q(b.u)), raw.mul(b.b, q(a.u))));
    let remaining = c;
    let usum = list.reduce((a, g) => a + g.u * g.count, 0n);
    for (const g of list) {
      if (cmp(raw.mul(g.b, q(usum)), raw.mul(remaining, q(g.u))) >= 0) return div(remaining, q(usum));
      remaining = sub(remaining, mul(g.b, q(g.count)));
      usum -= g.u * g.count;
    }
    const last = list.at(-1)!;
    return div(last.b, q(last.u));
  };

  return {
    affordable(p, round) {
      const total = held(supportersOf(p, round), round);
      return cmp(total, q(prep.costs[p]!)) >= 0 && total.n > 0n;
    },
    remember(round, rho) {
      known[round] = rho;
    },
    rho: full,
    report(p, round) {
      const rho = rhoOf(round);
      const listed = cappedOf(round);
      const capped = listed && new Set(Array.from(listed));
      // Grouped by the amount as an object first (budgets with the same history are one object),
      // then by its value: the value's text is made once per amount, not once per voter.
      const byObject = new Map<Q, { voters: number }>();
      const group = (pay: Q) => memo(byObject, pay, () => ({ voters: 0 }));
      // Per points given: rho x u, and the group of those who paid it (most supporters).
      const shares = new Map<number, Share>();
      eachSupporter(p, round, (v, pts) => {
        const full = memo(shares, pts, (): Share => ({ share: mul(rho, q(u(p, pts))) }));
        // Nobody noted as capped pays less than rho x u; the others pay what they had, if that is less.
        // Every value here is in lowest terms already (rational.ts keeps them so).
        if (!capped || capped.has(v)) {
          const b = budget(v, round);
          if (b.n === 0n) return;
          if (cmp(b, full.share) < 0) {
            group(b).voters += w[v]!;
            return;
          }
        }
        full.paid ??= group(full.share);
        full.paid.voters += w[v]!;
      });
      const payments = new Map<string, { amount: string; voters: number }>();
      for (const [pay, g] of byObject)
        memo(payments, key(pay), (amount) => ({ amount, voters: 0 })).voters += g.voters;
      return { project: s.e.projects[p]!.id, rho: key(rho), payments: [...payments.values()] };
    },
    spentByVoter(rounds) {
      const spent = new Map<Q, Map<Q, Q>>();
      return Array.from({ length: n }, (_, v) => {
        const from = s.start(v);
        const left = budget(v, rounds);
        return memo(
          memo(spent, from, () => new Map<Q, Q>()),
          left,
          () => sub(from, left),
        );
      });
    },
  };
}

/** What a supporter pays who is not capped, and the group of those who paid it (made when one did). */
interface Share {
  share: Q;
  paid?: { voters: number };
}

/** The value kept under k, made and kept the first time it is asked for. */
function memo<K, V>(map: Map<K, V>, k: K, make: (k: K) => V): V {
  let v = map.get(k);
  if (v === undefined) {
    v = make(k);
    map.set(k, v);
  }
  return v;
}
