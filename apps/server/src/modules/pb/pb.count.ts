import { Worker } from 'node:worker_threads';
import {
  districtEndowments,
  type Election,
  type FieldIssue,
  kecamatanOf,
  type RuleConfig,
  type RunOutcome,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { enqueueJob } from '../jobs/jobs.service.ts';
import type { JobRun } from '../module.ts';
import { fundProposals } from '../musrenbang/musrenbang.decisions.ts';
import * as repo from './pb.repository.ts';
import { badState, invalid, mustFind, mustManage, type Override, type StoredResult } from './pb.service.ts';

/** The count as a job in a worker thread, an override with its public reason, and setting the result. */
export async function requestCount(ctx: AppContext, principal: Principal, id: string) {
  const e = await mustManage(ctx, principal, id);
  if (e.state !== 'ditutup') throw badState('hitung', e.state);
  const job = await enqueueJob(ctx, principal, { kind: 'pb.count', params: { electionId: id } });
  await ctx.database.db.transaction((tx) => repo.updateElection(tx, id, { jobId: job.id }, ctx.clock()));
  return { jobId: job.id };
}

export async function electionData(ctx: AppContext, id: string) {
  const e = await mustFind(ctx, id);
  const projects = await repo.findProjects(ctx.database.db, id);
  const ballots = await repo.findBallots(ctx.database.db, id);
  const election: Election = {
    budget: e.budget,
    projects: projects.map((p) => ({ id: p.code, cost: p.cost })),
    ballots: ballots.map((b, i) => ({ voter: String(i + 1), vote: b.vote, points: b.points })),
  };
  return { e, projects, ballots, election };
}

/** An .mjs entry that registers tsx in the worker thread, then loads count.worker.ts. */
export const countWorker = new URL('./count.worker.mjs', import.meta.url);

export async function runCountJob(ctx: AppContext, run: JobRun) {
  const { electionId } = run.params as { electionId: string };
  const { e, ballots, election } = await electionData(ctx, electionId);
  const config = e.rule as RuleConfig;
  const shares = e.districtShares as Record<string, number> | null;
  const endowments = shares
    ? districtEndowments(election, (v) => kecamatanOf(ballots[Number(v) - 1]?.regionCode ?? ''), shares)
    : null;
  await run.progress(0, null, 'pb.counting');
  const worker = new Worker(countWorker, {
    workerData: { election, config, endowments },
  });
  const poll = setInterval(() => run.checkCancelled().catch(() => worker.terminate()), 500);
  try {
    const message = await new Promise<{
      type: string;
      outcome: RunOutcome;
      greedy: StoredResult['greedy'];
      votes: Record<string, number>;
      message?: string;
      issues?: FieldIssue[] | null;
    }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`count stopped (${code})`)));
    });
    await run.checkCancelled();
    if (message.type !== 'done')
      throw message.issues ? invalid(message.issues) : new Error(message.message ?? 'count failed');
    const stored: StoredResult = {
      outcome: message.outcome,
      greedy: message.greedy,
      votes: message.votes,
      ballots: election.ballots.length,
      config,
      districtCorrected: endowments !== null,
      computedAt: ctx.clock().toISOString(),
    };
    await ctx.database.db.transaction(async (tx) => {
      await repo.updateElection(tx, electionId, { result: stored, override: null }, ctx.clock());
      await appendAudit(tx, run.principal, {
        action: 'pb.election.counted',
        entity: 'pb_election',
        entityId: electionId,
        after: { selected: stored.outcome.selected, cost: stored.outcome.cost, rule: stored.outcome.rule },
      });
    });
    return { selected: stored.outcome.selected.length, cost: stored.outcome.cost };
  } finally {
    clearInterval(poll);
    await worker.terminate();
  }
}

/** An official's different selection: only with a reason, which is shown publicly beside the count. */
export async function override(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: { selected: string[]; reason: string },
) {
  const e = await mustManage(ctx, principal, id);
  if (e.state !== 'ditutup' || !e.result) throw badState('ubah_hasil', e.state);
  const projects = await repo.findProjects(ctx.database.db, id);
  const cost = new Map(projects.map((p) => [p.code, p.cost]));
  const issues: FieldIssue[] = [];
  body.selected.forEach((c, i) => {
    if (!cost.has(c))
      issues.push({ field: `body.selected.${i}`, issue: 'pb_unknown_project', params: { value: c } });
  });
  const unique = [...new Set(body.selected)];
  const total = unique.reduce((s, c) => s + (cost.get(c) ?? 0), 0);
  if (total > e.budget) issues.push({ field: 'body.selected', issue: 'pb_cost_over_budget' });
  if (issues.length) throw invalid(issues);
  const stored: Override = {
    selected: unique,
    cost: total,
    reason: body.reason,
    by: principal.name,
    at: ctx.clock().toISOString(),
  };
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateElection(tx, id, { override: stored }, ctx.clock());
    await appendAudit(tx, principal, {
      action: 'pb.election.overridden',
      entity: 'pb_election',
      entityId: id,
      before: { selected: (e.result as StoredResult).outcome.selected },
      after: { selected: unique, reason: body.reason },
    });
  });
  return { selected: unique, cost: total };
}

/** Sets the result (the override when there is one); linked proposals move to the budget step. */
export async function establish(ctx: AppContext, principal: Principal, id: string) {
  const e = await mustManage(ctx, principal, id);
  const result = e.result as StoredResult | null;
  if (e.state !== 'ditutup' || !result) throw badState('tetapkan', e.state);
  const final = (e.override as Override | null)?.selected ?? result.outcome.selected;
  const projects = await repo.findProjects(ctx.database.db, id);
  const linked = projects.filter((p) => p.proposalId && final.includes(p.code)).map((p) => p.proposalId!);
  const funded = linked.length
    ? await fundProposals(ctx, principal, linked, `Hasil anggaran partisipatif: ${e.title}`)
    : 0;
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateElection(tx, id, { state: 'ditetapkan' }, ctx.clock());
    await appendAudit(tx, principal, {
      action: 'pb.election.established',
      entity: 'pb_election',
      entityId: id,
      after: { selected: final, funded },
    });
  });
  return { funded };
}
