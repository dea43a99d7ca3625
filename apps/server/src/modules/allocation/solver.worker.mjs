// HiGHS in a worker thread, so a solve of minutes never blocks the server. Plain JavaScript: the
// worker runs the same way under tsx (development, tests) and node (production).
// The thread may start before its model is built (solver.ts warmSolver): HiGHS loads first, then
// the model comes as the thread's one message.
import { parentPort } from 'node:worker_threads';
import loadHighs from 'highs';

const highs = await loadHighs();
parentPort.once('message', solve);

/** Runs one model and posts the answer: status, objective, the proven gap and every column's value. */
function solve({ model: m, timeLimit, gap, cancel }) {
  const cancelled = new Int32Array(cancel);
  const model = highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    sense: m.maximize ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rowLower,
    rowUpper: m.rowUpper,
    matrix: {
      format: 'csr',
      numRows: m.numRows,
      numCols: m.numCols,
      starts: m.starts,
      indices: m.indices,
      values: m.values,
    },
    integrality: m.integrality,
  });
  const S = highs.constants.modelStatus;
  try {
    model.options.set({ output_flag: false, time_limit: timeLimit, mip_rel_gap: gap, random_seed: 1 });
    let last = 0;
    model.run({
      [highs.constants.callbackType.mipInterrupt](event) {
        if (Atomics.load(cancelled, 0) === 1) event.interrupt();
        const now = Date.now();
        if (now - last > 250) {
          last = now;
          parentPort.postMessage({
            type: 'progress',
            gap: event.data.mip_gap ?? null,
            objective: event.data.objective_function_value ?? null,
            bound: event.data.mip_dual_bound ?? null,
          });
        }
      },
    });
    const status = model.getModelStatus();
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    const result = {
      type: 'done',
      status:
        status === S.optimal
          ? 'optimal'
          : status === S.infeasible
            ? 'infeasible'
            : status === S.timeLimit
              ? 'time_limit'
              : status === S.interrupted
                ? 'cancelled'
                : `other:${status}`,
      objective: hasSolution ? model.getObjectiveValue() : null,
      gap: hasSolution ? Number(model.info.get('mip_gap')) : null,
      bound: hasSolution ? Number(model.info.get('mip_dual_bound')) : null,
      values: hasSolution ? Float64Array.from(model.getSolution().colValue) : null,
    };
    parentPort.postMessage(result);
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String(error?.message ?? error) });
  } finally {
    model.dispose();
  }
}
