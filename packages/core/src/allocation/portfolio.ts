/**
 * The optimal portfolio as a 0/1 program (domain facts, budget allocation): maximise the total
 * score of the selected proposals subject to the budget; caps and floors of spending per OPD and
 * per bidang; floors per kecamatan (equity); must-fund proposals; dependencies (b only if a);
 * mutually exclusive alternatives; and multi-year cost profiles against yearly ceilings. Core
 * writes the model as sparse rows for HiGHS (and as CPLEX LP text for other solvers) and checks
 * any selection against the rules with exact integer rupiah; the solver itself runs in the server.
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

/** One row of the model: a rule as a linear constraint over the columns. */
export interface ModelRow {
  name: string;
  terms: { i: number; coef: number }[];
  sense: '<=' | '>=' | '=';
  rhs: number;
}

export interface PortfolioModel {
  sense: 'maximize' | 'minimize';
  /** Column i (named x<i>, 0/1) is the item with this id; the slack columns come after them. */
  columns: string[];
  /** A relaxed model's slack columns (named s_<row>, 0 and up): the row each one loosens. */
  slackRows: string[];
  /** The objective coefficient of every column. */
  objective: number[];
  constraints: ModelRow[];
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

/** A rule on money (its slack counts relative to the budget), not on single proposals. */
const isMoneyRule = (ref: RuleRef) =>
  ref.kind !== 'mustFund' && ref.kind !== 'requires' && ref.kind !== 'exclusive';

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
  const constraints: ModelRow[] = [];
  const slacks: { row: string; weight: number }[] = [];
  const addRow = (
    name: string,
    ref: RuleRef,
    terms: { i: number; coef: number }[],
    sense: '<=' | '>=' | '=',
    rhs: number,
  ) => {
    if (options.keepRows && !options.keepRows(name)) return;
    rows[name] = ref;
    const row: ModelRow = { name, terms, sense, rhs };
    if (options.relax) {
      // A slack that loosens the row: subtract it from a <= row, add it to a >= row.
      row.terms = [...terms, { i: items.length + slacks.length, coef: sense === '<=' ? -1 : 1 }];
      slacks.push({ row: name, weight: isMoneyRule(ref) ? SCALE / Math.max(rules.budget, 1) : 1 });
    }
    constraints.push(row);
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
  return {
    sense: options.relax ? 'minimize' : 'maximize',
    columns,
    slackRows: slacks.map((t) => t.row),
    objective: [...items.map((it) => (options.relax ? 0 : it.score)), ...slacks.map((t) => t.weight)],
    constraints,
    rows,
  };
}

/**
 * The model as CPLEX LP text: what another solver reads (the SciPy baseline of `bench/`), and a
 * readable record of what was solved.
 */
export function modelAsLp(model: PortfolioModel): string {
  const names = [...model.columns.map((_, i) => `x${i}`), ...model.slackRows.map((row) => `s_${row}`)];
  const term = (coef: number, i: number) => `${coef < 0 ? '-' : '+'} ${num(Math.abs(coef))} ${names[i]}`;
  const sum = (terms: readonly { i: number; coef: number }[]) =>
    terms.length ? terms.map((t) => term(t.coef, t.i)).join(' ') : '0 x0';
  const items = model.columns.length;
  const objective = model.objective.flatMap((coef, i) => (coef ? [{ i, coef }] : []));
  return [
    model.sense === 'minimize' ? 'Minimize' : 'Maximize',
    ` ${model.sense === 'minimize' ? 'relaxation' : 'score'}: ${sum(objective)}`,
    'Subject To',
    ...model.constraints.map((r) => ` ${r.name}: ${sum(r.terms)} ${r.sense} ${num(r.rhs)}`),
    'Bounds',
    ...names.map((name, i) => (i < items ? ` 0 <= ${name} <= 1` : ` ${name} >= 0`)),
    'Binaries',
    ` ${names.slice(0, items).join(' ')}`,
    'End',
  ].join('\n');
}

/**
 * The model as compressed sparse rows, the form a solver takes without parsing text: the items are
 * 0/1 columns, the slacks continuous from 0.
 */
export function modelAsMatrix(model: PortfolioModel) {
  const numCols = model.columns.length + model.slackRows.length;
  const numRows = model.constraints.length;
  const nonZeros = model.constraints.reduce((s, r) => s + r.terms.length, 0);
  const starts = new Int32Array(numRows + 1);
  const indices = new Int32Array(nonZeros);
  const values = new Float64Array(nonZeros);
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  let k = 0;
  model.constraints.forEach((r, row) => {
    starts[row] = k;
    for (const t of r.terms) {
      indices[k] = t.i;
      values[k++] = t.coef;
    }
    rowLower[row] = r.sense === '<=' ? Number.NEGATIVE_INFINITY : r.rhs;
    rowUpper[row] = r.sense === '>=' ? Number.POSITIVE_INFINITY : r.rhs;
  });
  starts[numRows] = k;
  const items = model.columns.length;
  const colUpper = new Float64Array(numCols).fill(1);
  colUpper.fill(Number.POSITIVE_INFINITY, items);
  const integrality = new Int32Array(numCols);
  integrality.fill(1, 0, items);
  return {
    maximize: model.sense === 'maximize',
    numCols,
    numRows,
    colCost: Float64Array.from(model.objective),
    colLower: new Float64Array(numCols),
    colUpper,
    rowLower,
    rowUpper,
    starts,
    indices,
    values,
    integrality,
  };
}

export type ModelMatrix = ReturnType<typeof modelAsMatrix>;

/**
 * How far each rule of a relaxed model must give way, read from the solver's column values: a
 * money rule in whole rupiah, any other in proposals or pairs. Rules that hold are left out.
 */
export function relaxationOf(
  model: PortfolioModel,
  values: ArrayLike<number>,
): { rule: RuleRef; by: number }[] {
  return model.slackRows.flatMap((row, k) => {
    const v = values[model.columns.length + k] ?? 0;
    if (v <= 1e-7) return [];
    const rule = model.rows[row]!;
    return [{ rule, by: isMoneyRule(rule) ? Math.ceil(v * SCALE - 1e-3) : Math.round(v) }];
  });
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
