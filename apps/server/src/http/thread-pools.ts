/**
 * Thread pools this process has started, so that a command when it finishes, and the server when it
 * stops, end them without loading the modules of pools never started (piscina and its helpers took
 * about 60 ms at the end of every `sinergi allocate`, after the answer was printed).
 */
const open = new Set<() => Promise<void>>();

export function poolStarted(close: () => Promise<void>): void {
  open.add(close);
}

export function poolEnded(close: () => Promise<void>): void {
  open.delete(close);
}

/** Ends every pool still open. */
export async function endPools(): Promise<void> {
  await Promise.all([...open].map((close) => close()));
}
