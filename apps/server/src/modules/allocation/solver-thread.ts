import { Worker } from 'node:worker_threads';

const workerUrl = new URL('./solver.worker.mjs', import.meta.url);
let warm: Worker | undefined;

/**
 * Starts a solver thread now, so that HiGHS (3.5 MB of WebAssembly) loads while the caller still
 * reads its input; the next solve takes it. `sinergi allocate` calls it first thing. An unused warm
 * thread does not keep the process alive.
 */
export function warmSolver(): void {
  warm ??= new Worker(workerUrl);
  warm.unref();
}

/** The warm thread if there is one, else a new one; the model is sent to it by message. */
export function solverThread(): Worker {
  const worker = warm ?? new Worker(workerUrl);
  warm = undefined;
  worker.ref();
  return worker;
}
