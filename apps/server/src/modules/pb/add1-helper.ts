import { Worker } from 'node:worker_threads';
import { Add1Board, type Add1Job } from '@sinergi/core';

/**
 * A second thread for Add1 (equalSharesAdd1's `help`): each run of Equal Shares at one endowment is
 * independent of the others, so on a machine of two cores this one takes every other run or so
 * from a board in shared memory (core's add1-board.ts) and the search ends where it would alone,
 * with the same outcome. The thread is started once (warmAdd1Helper, as the command begins, so that
 * it loads while the file is read) and kept; it does not keep the process alive. Until it has
 * loaded, and whenever it is gone, the first thread runs everything itself.
 */
let helper: Worker | undefined;
/** How many runs the helper thread has made (a bench and tests read it). */
let helped = 0;
export const add1HelperRuns = () => helped;
/** Settles once the thread has loaded its rules. */
let loaded: Promise<void> | undefined;

export function warmAdd1Helper(): void {
  if (helper) return;
  const worker = new Worker(new URL('./add1-helper.worker.mjs', import.meta.url));
  loaded = new Promise((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  worker.on('message', (m: { runs?: number }) => {
    helped += m.runs ?? 0;
  });
  // Nobody may be waiting for it: a thread that failed to load is dropped below.
  loaded.catch(() => {});
  const drop = () => {
    if (helper === worker) helper = undefined;
  };
  worker.once('error', drop);
  worker.once('exit', drop);
  // After the listeners: adding a message listener refs the thread again.
  worker.unref();
  helper = worker;
}

/** Sends the job to the helper thread and gives the board both take from. */
export function add1Help(job: Add1Job): Add1Board {
  warmAdd1Helper();
  const board = Add1Board.create();
  helper!.postMessage({ job, buffer: board.buffer });
  return board;
}

/** Waits until the helper thread has loaded its rules (a bench times it warm). */
export function add1HelperReady(): Promise<void> {
  warmAdd1Helper();
  // Held while waited for: an unreferenced thread alone would let the process end first.
  const worker = helper!;
  worker.ref();
  return loaded!.finally(() => worker.unref());
}

/** Stops the helper thread (tests). */
export async function stopAdd1Helper(): Promise<void> {
  const worker = helper;
  helper = undefined;
  loaded = undefined;
  await worker?.terminate();
}
