import { Worker } from 'node:worker_threads';
import {
  buildPortfolioModel,
  greedyPortfolio,
  type ModelMatrix,
  modelAsMatrix,
  objectiveOf,
  type PortfolioItem,
  type PortfolioRules,
  type RuleRef,
  relaxationOf,
  violations,
} from '@sinergi/core';

/** What one HiGHS run answers. */
export interface SolveResult {
  status: 'optimal' | 'infeasible' | 'time_limit' | 'cancelled' | string;
  objective: number | null;
  gap: number | null;
  bound: number | null;
  /** The value of every column, in the model's order. */
  values: Float64Array | null;
}

export interface SolveOptions {
  /** Seconds. */
  timeLimit: number;
  /** Relative optimality gap to prove. */
  gap: number;
  onProgress?: (p: { gap: number | null; objective: number | null; bound: number | null }) => void;
  /** Resolves when the caller wants the solve stopped (it ends as 'cancelled' with its best answer). */
  cancelled?: Promise<unknown>;
}

const workerUrl = new URL('./solver.worker.mjs', import.meta.url);

/** A solver thread started ahead of its model (warmSolver), for the next solveModel to take. */
let warm: Worker | undefined;

/**
 * Starts the next solve's thread now: loading HiGHS (about a third of a second, most of it the
 * WebAssembly) then runs while the caller reads its input and builds the model. The waiting thread
 * does not keep the process alive, so a command that fails on its input still ends.
 */
export function warmSolver(): void {
  if (warm) return;
  const worker = new Worker(workerUrl);
  worker.unref();
  // A thread that fails before it is used is dropped; solveModel then starts its own.
  worker.once('error', () => {
    if (warm === worker) warm = undefined;
  });
  warm = worker;
}

/** Runs HiGHS on a model in sparse rows in a worker thread (the arrays are copied to it, not parsed). */
export function solveModel(model: ModelMatrix, options: SolveOptions): Promise<SolveResult> {
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const worker = warm ?? new Worker(workerUrl);
  warm = undefined;
  worker.ref();
  worker.postMessage({ model, timeLimit: options.timeLimit, gap: options.gap, cancel });
  options.cancelled?.then(() => Atomics.store(flag, 0, 1));
  return new Promise<SolveResult>((resolve, reject) => {
    worker.on('message', (m) => {
      if (m.type === 'progress') options.onProgress?.(m);
      else if (m.type === 'done') resolve(m);
      else if (m.type === 'error') reject(new Error(m.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => code !== 0 && reject(new Error(`solver exited with ${code}`)));
  }).finally(() => worker.terminate());
}

export interface PortfolioResult {
  status: string;
  selected: string[];
  cost: number;
  objective: number | null;
  /** Relative gap proven between the answer and the best possible (0 = proven optimal). */
  gap: number | null;
  greedy: { selected: string[]; cost: number; objective: number };
  /** Infeasible scenarios: an irreducible set of rules that cannot hold together. */
  conflicts?: RuleRef[];
  /** Infeasible scenarios: the least total relaxation that makes the rules hold together. */
  relaxation?: { rule: RuleRef; by: number }[];
}

/**
 * The optimal portfolio, the greedy baseline beside it, and for an infeasible scenario the rules
 * that conflict (a deletion filter: drop each rule in turn and keep it out while the rest stay
 * infeasible, which leaves an irreducible set) and the least relaxation that makes it feasible.
 */
export async function solvePortfolio(
  items: readonly PortfolioItem[],
  rules: PortfolioRules,
  options: SolveOptions,
): Promise<PortfolioResult> {
  const model = buildPortfolioModel(items, rules);
  const greedy = greedyPortfolio(items, rules.budget);
  const result = await solveModel(modelAsMatrix(model), options);
  if (result.status === 'infeasible') {
    const names = Object.keys(model.rows);
    const kept = new Set(names);
    for (const name of names) {
      kept.delete(name);
      const test = buildPortfolioModel(items, rules, { keepRows: (n) => kept.has(n) });
      const r = await solveModel(modelAsMatrix(test), { timeLimit: options.timeLimit, gap: 1 });
      if (r.status !== 'infeasible') kept.add(name);
    }
    const relaxModel = buildPortfolioModel(items, rules, { relax: true });
    const relaxed = await solveModel(modelAsMatrix(relaxModel), {
      timeLimit: options.timeLimit,
      gap: options.gap,
    });
    return {
      status: 'infeasible',
      selected: [],
      cost: 0,
      objective: null,
      gap: null,
      greedy,
      conflicts: [...kept].map((n) => model.rows[n]!),
      relaxation: relaxationOf(relaxModel, relaxed.values ?? []),
    };
  }
  const selected = items.filter((_, i) => (result.values?.[i] ?? 0) > 0.5).map((it) => it.id);
  const chosen = new Set(selected);
  const broken = violations(items, rules, chosen);
  return {
    status: result.values === null ? result.status : broken.length ? 'numerical_trouble' : result.status,
    selected,
    cost: items.reduce((s, it) => s + (chosen.has(it.id) ? it.cost : 0), 0),
    objective: result.values === null ? null : objectiveOf(items, chosen),
    gap: result.gap,
    greedy,
  };
}
