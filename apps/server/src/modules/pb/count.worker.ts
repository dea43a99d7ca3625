import { parentPort, workerData } from 'node:worker_threads';
import { type Election, greedy, type Q, quality, type RuleConfig, runRule, votesOf } from '@sinergi/core';

/**
 * Counts an election off the main thread: Equal Shares with Add1 on a large election can take
 * minutes, and the server must keep answering meanwhile. Cancelling terminates the thread.
 */
const { election, config, endowments } = workerData as {
  election: Election;
  config: RuleConfig;
  endowments: Q[] | null;
};
try {
  const outcome = runRule(election, config, endowments ?? undefined);
  const baseline = greedy(election, { skip: true, threshold: config.threshold });
  const votes = votesOf(election);
  parentPort!.postMessage({
    type: 'done',
    outcome,
    greedy: {
      selected: baseline.selected,
      cost: baseline.cost,
      quality: quality(election, baseline.selected),
    },
    votes: Object.fromEntries(election.projects.map((p, i) => [p.id, votes[i]!])),
  });
} catch (error) {
  parentPort!.postMessage({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
    issues: (error as { issues?: unknown }).issues ?? null,
  });
}
