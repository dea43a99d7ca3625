/** Job states and the transitions the jobs table allows. */
/** The kinds of background job; the web names each (a test checks). */
export const jobKinds = [
  'regions.load',
  'allocation.solve',
  'allocation.explain',
  'pb.count',
  'backup.write',
] as const;
export type JobKind = (typeof jobKinds)[number];

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export function isFinished(status: JobStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}

/** Progress as a ratio in [0, 1]; null when the total is unknown. */
export function progressRatio(done: number, total: number | null): number | null {
  if (total == null || total <= 0) return null;
  return Math.min(1, Math.max(0, done / total));
}
