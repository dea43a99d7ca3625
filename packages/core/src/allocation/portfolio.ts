/**
 * The optimal portfolio as a 0/1 program (domain facts, budget allocation): maximise the total
 * score of the selected proposals subject to the budget; caps and floors of spending per OPD and
 * per bidang; floors per kecamatan (equity); must-fund proposals; dependencies (b only if a);
 * mutually exclusive alternatives; and multi-year cost profiles against yearly ceilings. Core
 * writes the model as CPLEX LP text for HiGHS and checks any selection against the rules with
 * exact integer rupiah; the solver itself runs in the server.
 */
export interface PortfolioItem {
  id: string;
  /** Integer rupiah in the plan year. */
  cost: number;
  score: number;
  kecamatan?: string | undefined;
  opd?: string | undefined;
  bidang?: string | undefined;
  /** Cost per year (integer rupiah) for multi-year work, checked against `yearCeilings`. */
  costByYear?: Readonly<Record<string, number>> | undefined;
}

export interface PortfolioRules {
  budget: number;
  opdCaps?: Readonly<Record<string, number>>;
  opdFloors?: Readonly<Record<string, number>>;
  bidangCaps?: Readonly<Record<string, number>>;
  bidangFloors?: Readonly<Record<string, number>>;
  kecamatanFloors?: Readonly<Record<string, number>>;
  mustFund?: readonly string[];
  /** [a, b]: b may be funded only if a is. */
  requires?: readonly (readonly [string, string])[];
  /** Each list: at most one of these. */
  exclusive?: readonly (readonly string[])[];
  yearCeilings?: Readonly<Record<string, number>>;
}

/** One rule of a scenario, as the reports name it. */
export type RuleRef =
  | { kind: 'budget' }
  | { kind: 'opdCap' | 'opdFloor' | 'bidangCap' | 'bidangFloor' | 'kecamatanFloor'; key: string }
  | { kind: 'mustFund'; id: string }
  | { kind: 'requires'; a: string; b: string }
  | { kind: 'exclusive'; ids: readonly string[] }
  | { kind: 'yearCeiling'; year: string };

export interface PortfolioModel {
  lp: string;
  /** Column i (named x<i>) is the item with this id; slack columns (s_<row>) come after them. */
  columns: string[];
  /** Row name to the rule it states. */
  rows: Record<string, RuleRef>;
}

// LP coefficients in millions of rupiah keep the numbers well scaled; selections are re-checked in
// whole rupiah by `violations`.
const SCALE = 1_000_000;
const num = (v: number) => {
  const s = Number(v.toPrecision(15)).toString();
  return s.includes('e') ? v.toFixed(12) : s;
};

function groupSum(
  items: readonly PortfolioItem[],
  key: (i: PortfolioItem) => string | undefined,
  value: string,
) {
  return items.flatMap((it, i) => (key(it) === value ? [{ i, cost: it.cost }] : []));
}

export interface ModelOptions {
  /** Keep only these rule rows (the deletion filter that finds conflicting rules). */
  keepRows?: (name: string) => boolean;
  /**
   * Give every rule row a slack and minimise the total relaxation instead of maximising the
   * score: money rules count their slack relative to the budget, every other rule counts 1 per
   * unit (an item not funded, a pair or group allowed). The result says which rules to relax and
   * by how much to make an infeasible scenario feasible.
   */
  relax?: boolean;
}

export function buildPortfolioModel(
  items: readonly PortfolioItem[],
  rules: PortfolioRules,
  options: ModelOptions = {},
): PortfolioModel {
  const columns = items.map((it) => it.id);
  const index = new Map(items.map((it, i) => [it.id, i]));
  const rows: Record<string, RuleRef> = {};
  const lines: string[] = [];
  const term = (coef: number, i: number) => `${coef < 0 ? '-' : '+'} ${num(Math.abs(coef))} x${i}`;
  const slacks: string[] = [];
  const addRow = (
    name: string,
    ref: RuleRef,
    terms: { i: number; coef: number }[],
    sense: '<=' | '>=' | '=',
    rhs: number,
  ) => {
    if (options.keepRows && !options.keepRows(name)) return;
    rows[name] = ref;
    let body = terms.length ? terms.map((t) => term(t.coef, t.i)).join(' ') : '0 x0';
    if (options.relax) {
      // A slack that loosens the row: subtract it from a <= row, add it to a >= row.
      const money = ref.kind !== 'mustFund' && ref.kind !== 'requires' && ref.kind !== 'exclusive';
      const weight = money ? SCALE / Math.max(rules.budget, 1) : 1;
      body += ` ${sense === '<=' ? '-' : '+'} 1 s_${name}`;
      slacks.push(`${num(weight)} s_${name}`);
    }
    lines.push(` ${name}: ${body} ${sense} ${num(rhs)}`);
  };
  addRow(
    'budget',
    { kind: 'budget' },
    items.map((it, i) => ({ i, coef: it.cost / SCALE })),
    '<=',
    rules.budget / SCALE,
  );
  const grouped = (
    kind: 'opdCap' | 'opdFloor' | 'bidangCap' | 'bidangFloor' | 'kecamatanFloor',
    map: Readonly<Record<string, number>> | undefined,
    key: (i: PortfolioItem) => string | undefined,
    sense: '<=' | '>=',
    prefix: string,
  ) => {
    Object.entries(map ?? {}).forEach(([k, amount], n) => {
      const terms = groupSum(items, key, k).map((t) => ({ i: t.i, coef: t.cost / SCALE }));
      addRow(`${prefix}${n}`, { kind, key: k }, terms, sense, amount / SCALE);
    });
  };
  grouped('opdCap', rules.opdCaps, (i) => i.opd, '<=', 'opdcap');
  grouped('opdFloor', rules.opdFloors, (i) => i.opd, '>=', 'opdfloor');
  grouped('bidangCap', rules.bidangCaps, (i) => i.bidang, '<=', 'bidcap');
  grouped('bidangFloor', rules.bidangFloors, (i) => i.bidang, '>=', 'bidfloor');
  grouped('kecamatanFloor', rules.kecamatanFloors, (i) => i.kecamatan, '>=', 'kecfloor');
  (rules.mustFund ?? []).forEach((id, n) => {
    const i = index.get(id);
    addRow(`must${n}`, { kind: 'mustFund', id }, i === undefined ? [] : [{ i, coef: 1 }], '>=', 1);
  });
  (rules.requires ?? []).forEach(([a, b], n) => {
    const ia = index.get(a);
    const ib = index.get(b);
    const terms = [
      ...(ib !== undefined ? [{ i: ib, coef: 1 }] : []),
      ...(ia !== undefined ? [{ i: ia, coef: -1 }] : []),
    ];
    addRow(`req${n}`, { kind: 'requires', a, b }, terms, '<=', 0);
  });
  (rules.exclusive ?? []).forEach((ids, n) => {
    const terms = ids.flatMap((id) => (index.has(id) ? [{ i: index.get(id)!, coef: 1 }] : []));
    addRow(`excl${n}`, { kind: 'exclusive', ids }, terms, '<=', 1);
  });
  Object.entries(rules.yearCeilings ?? {}).forEach(([year, ceiling], n) => {
    const terms = items.flatMap((it, i) => {
      const c = it.costByYear?.[year] ?? 0;
      return c ? [{ i, coef: c / SCALE }] : [];
    });
    addRow(`year${n}`, { kind: 'yearCeiling', year }, terms, '<=', ceiling / SCALE);
  });
  const objective = options.relax
    ? slacks.map((t) => `+ ${t}`).join(' ') || '0 x0'
    : items.length
      ? items.map((it, i) => term(it.score, i)).join(' ')
      : '0 x0';
  const lp = [
    options.relax ? 'Minimize' : 'Maximize',
    ` ${options.relax ? 'relaxation' : 'score'}: ${objective}`,
    'Subject To',
    ...lines,
    'Bounds',
    ...columns.map((_, i) => ` 0 <= x${i} <= 1`),
    ...slacks.map((t) => ` ${t.split(' ')[1]} >= 0`),
    'Binaries',
    ` ${columns.map((_, i) => `x${i}`).join(' ')}`,
    'End',
  ].join('\n');
  return { lp, columns, rows };
}

/** The rules a selection breaks, in whole rupiah (empty when it keeps them all). */
export function violations(
  items: readonly PortfolioItem[],
  rules: PortfolioRules,
  selected: ReadonlySet<string>,
): RuleRef[] {
  const out: RuleRef[] = [];
  const chosen = items.filter((it) => selected.has(it.id));
  const spend = (key: (i: PortfolioItem) => string | undefined, k: string) =>
    chosen.reduce((s, it) => s + (key(it) === k ? it.cost : 0), 0);
  if (chosen.reduce((s, it) => s + it.cost, 0) > rules.budget) out.push({ kind: 'budget' });
  for (const [k, v] of Object.entries(rules.opdCaps ?? {}))
    if (spend((i) => i.opd, k) > v) out.push({ kind: 'opdCap', key: k });
  for (const [k, v] of Object.entries(rules.opdFloors ?? {}))
    if (spend((i) => i.opd, k) < v) out.push({ kind: 'opdFloor', key: k });
  for (const [k, v] of Object.entries(rules.bidangCaps ?? {}))
    if (spend((i) => i.bidang, k) > v) out.push({ kind: 'bidangCap', key: k });
  for (const [k, v] of Object.entries(rules.bidangFloors ?? {}))
    if (spend((i) => i.bidang, k) < v) out.push({ kind: 'bidangFloor', key: k });
  for (const [k, v] of Object.entries(rules.kecamatanFloors ?? {}))
    if (spend((i) => i.kecamatan, k) < v) out.push({ kind: 'kecamatanFloor', key: k });
  for (const id of rules.mustFund ?? []) if (!selected.has(id)) out.push({ kind: 'mustFund', id });
  for (const [a, b] of rules.requires ?? [])
    if (selected.has(b) && !selected.has(a)) out.push({ kind: 'requires', a, b });
  for (const ids of rules.exclusive ?? [])
    if (ids.filter((id) => selected.has(id)).length > 1) out.push({ kind: 'exclusive', ids });
  for (const [year, ceiling] of Object.entries(rules.yearCeilings ?? {}))
    if (chosen.reduce((s, it) => s + (it.costByYear?.[year] ?? 0), 0) > ceiling)
      out.push({ kind: 'yearCeiling', year });
  return out;
}

/**
 * The spreadsheet baseline: sort by score (ties: lower cost, then id), fund down the list, skip
 * what no longer fits the budget. It knows no other rule.
 */
export function greedyPortfolio(items: readonly PortfolioItem[], budget: number) {
  const order = [...items].sort(
    (a, b) => b.score - a.score || a.cost - b.cost || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const selected: string[] = [];
  let spent = 0;
  for (const it of order) {
    if (spent + it.cost <= budget) {
      selected.push(it.id);
      spent += it.cost;
    }
  }
  return { selected, cost: spent, objective: objectiveOf(items, new Set(selected)) };
}

export function objectiveOf(items: readonly PortfolioItem[], selected: ReadonlySet<string>): number {
  return items.reduce((s, it) => s + (selected.has(it.id) ? it.score : 0), 0);
}
