import { randomInt } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { PbBallotBody, PbElectionBody } from '@sinergi/contracts';
import {
  AppError,
  canActInRegion,
  districtEndowments,
  type Election,
  electionOf,
  type FieldIssue,
  isWithin,
  kecamatanOf,
  PbError,
  parsePb,
  parseRegionCode,
  type RuleConfig,
  type RunOutcome,
  ruleFromMeta,
  writePb,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { keyedHash } from '../../personal/personal-data.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { enqueueJob } from '../jobs/jobs.service.ts';
import type { JobRun } from '../module.ts';
import { assertLocation, findFundingCandidates, fundProposals } from '../musrenbang/musrenbang.service.ts';
import { findRegion, namesOf } from '../regions/regions.service.ts';
import * as repo from './pb.repository.ts';

/**
 * Participatory budgeting elections (issue 5, part 5). The path: draf (projects and rule set) →
 * dibuka (voting) → ditutup (counting; an official may override with a public reason) →
 * ditetapkan (the final selection; linked Musrenbang proposals move to the budget step).
 *
 * Who may vote: residents whose KTP an officer of their desa or kecamatan checked in person; the
 * officer registers the NIK (kept only as a keyed hash, so one code per person) and hands over a
 * voting code. The code is used once, online or on paper; nothing links it to the ballot, which
 * carries only a receipt for the voter to check that it was counted.
 */
export type ElectionState = 'draf' | 'dibuka' | 'ditutup' | 'ditetapkan';
type Ballot = { type: 'approval'; maxChoices: number } | { type: 'cumulative'; points: number };
interface StoredResult {
  outcome: RunOutcome;
  greedy: { selected: string[]; cost: number; quality: RunOutcome['quality'] };
  votes: Record<string, number>;
  ballots: number;
  config: RuleConfig;
  districtCorrected: boolean;
  computedAt: string;
}
interface Override {
  selected: string[];
  cost: number;
  reason: string;
  by: string;
  at: string;
}

const invalid = (issues: FieldIssue[]) => new AppError('VALIDATION', { issues });
const badState = (action: string, state: string) =>
  new AppError('INVALID_STATE', { details: { action, state } });

async function mustFind(ctx: AppContext, id: string) {
  const e = await repo.findElection(ctx.database.db, id);
  if (!e) throw new AppError('NOT_FOUND', { details: { what: id } });
  return e;
}

/** Letters and digits a person reads off paper without mistaking one for another. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const randomText = (n: number) =>
  Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
/** Ballot times are kept to the hour, so they cannot be matched with the register. */
const toHour = (d: Date) => new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);

async function checkBody(ctx: AppContext, body: PbElectionBody) {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const kabupaten = parseRegionCode(ctx.config.activeKabupaten);
  const candidates = body.projects.some((p) => p.proposalId)
    ? new Set((await findFundingCandidates(ctx, body.planYear)).map((c) => c.id))
    : new Set<string>();
  for (const [i, p] of body.projects.entries()) {
    if (seen.has(p.code))
      issues.push({
        field: `body.projects.${i}.code`,
        issue: 'pb_duplicate_project',
        params: { value: p.code },
      });
    seen.add(p.code);
    if (p.cost > body.budget) issues.push({ field: `body.projects.${i}.cost`, issue: 'pb_cost_over_budget' });
    if (p.regionCode && !isWithin(parseRegionCode(p.regionCode), kabupaten))
      issues.push({ field: `body.projects.${i}.regionCode`, issue: 'not_a_desa_here' });
    if (p.proposalId && !candidates.has(p.proposalId))
      issues.push({ field: `body.projects.${i}.proposalId`, issue: 'pb_not_candidate' });
  }
  for (const k of Object.keys(body.districtShares ?? {})) {
    const code = parseRegionCode(k);
    if (code.split('.').length !== 3 || !isWithin(code, kabupaten) || !(await findRegion(ctx, code)))
      issues.push({ field: `body.districtShares.${k}`, issue: 'pb_not_kecamatan' });
  }
  if (body.districtShares && body.rule.rule === 'mes' && body.rule.completion !== 'none')
    issues.push({ field: 'body.rule.completion', issue: 'pb_district_add1' });
  if (issues.length) throw invalid(issues);
}

function projectRows(electionId: string, body: PbElectionBody) {
  return body.projects.map((p, position) => ({
    electionId,
    code: p.code,
    title: p.title,
    cost: p.cost,
    regionCode: p.regionCode ?? null,
    proposalId: p.proposalId ?? null,
    position,
  }));
}

export async function saveElection(ctx: AppContext, principal: Principal, body: PbElectionBody, id?: string) {
  await checkBody(ctx, body);
  if (id) {
    const existing = await mustFind(ctx, id);
    if (existing.state !== 'draf') throw badState('ubah', existing.state);
  }
  const values = {
    title: body.title,
    description: body.description,
    planYear: body.planYear,
    budget: body.budget,
    ballot: body.ballot,
    rule: body.rule,
    districtShares: body.districtShares ?? null,
  };
  return ctx.database.db.transaction(async (tx) => {
    let electionId = id;
    if (electionId) await repo.updateElection(tx, electionId, values, ctx.clock());
    else
      electionId = (
        await repo.insertElection(tx, { ...values, state: 'draf', createdBy: principal.actor.userId ?? null })
      ).id;
    await repo.replaceProjects(tx, electionId, projectRows(electionId, body));
    await appendAudit(tx, principal, {
      action: id ? 'pb.election.updated' : 'pb.election.created',
      entity: 'pb_election',
      entityId: electionId,
      after: { title: body.title, budget: body.budget, projects: body.projects.length },
    });
    return { id: electionId };
  });
}

export async function listElections(ctx: AppContext) {
  const rows = await repo.listElections(ctx.database.db);
  return {
    items: await Promise.all(
      rows.map(async (e) => ({
        id: e.id,
        title: e.title,
        planYear: e.planYear,
        budget: e.budget,
        state: e.state,
        source: e.source,
        ...(await repo.countsOf(ctx.database.db, e.id)),
        overridden: e.override !== null,
        updatedAt: e.updatedAt.toISOString(),
      })),
    ),
  };
}

/**
 * One election as the public reads it. Votes per project appear only once voting has closed, so
 * a running tally cannot sway the voters still to come.
 */
export async function getElection(ctx: AppContext, id: string) {
  const e = await mustFind(ctx, id);
  const projects = await repo.findProjects(ctx.database.db, id);
  const names = await namesOf(
    ctx,
    projects.flatMap((p) => (p.regionCode ? [p.regionCode] : [])),
  );
  const result = e.result as StoredResult | null;
  const override = e.override as Override | null;
  const final = override?.selected ?? result?.outcome.selected ?? null;
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    planYear: e.planYear,
    budget: e.budget,
    ballot: e.ballot as Ballot,
    rule: e.rule as RuleConfig,
    districtShares: e.districtShares as Record<string, number> | null,
    state: e.state as ElectionState,
    source: e.source,
    meta: e.meta as Record<string, string>,
    counts: await repo.countsOf(ctx.database.db, id),
    projects: projects.map((p) => ({
      code: p.code,
      title: p.title,
      cost: p.cost,
      regionCode: p.regionCode,
      regionName: p.regionCode ? (names.get(p.regionCode) ?? p.regionCode) : null,
      proposalId: p.proposalId,
      votes: result ? (result.votes[p.code] ?? 0) : null,
      selected: final ? final.includes(p.code) : null,
    })),
    result,
    override,
    final,
  };
}

export async function changeState(
  ctx: AppContext,
  principal: Principal,
  id: string,
  action: 'buka' | 'tutup',
) {
  const e = await mustFind(ctx, id);
  const [from, to] = action === 'buka' ? ['draf', 'dibuka'] : ['dibuka', 'ditutup'];
  if (e.state !== from) throw badState(action, e.state);
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateElection(tx, id, { state: to }, ctx.clock());
    await appendAudit(tx, principal, {
      action: action === 'buka' ? 'pb.election.opened' : 'pb.election.closed',
      entity: 'pb_election',
      entityId: id,
      before: { state: from },
      after: { state: to },
    });
  });
  return { state: to };
}

/**
 * Registers a resident whose KTP was checked, and returns the voting code, once. The NIK is kept
 * only as a keyed hash (one code per person per election); it never reaches a log or the audit.
 */
export async function registerVoter(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: { nik: string; regionCode: string },
) {
  const e = await mustFind(ctx, id);
  if (e.state !== 'draf' && e.state !== 'dibuka') throw badState('daftar', e.state);
  const region = await assertLocation(ctx, body.regionCode);
  if (!canActInRegion(principal.actor, region)) throw new AppError('OUT_OF_SCOPE');
  const nikHash = keyedHash(ctx.config.personalDataKey, 'nik', body.nik);
  if (await repo.findVoterByNik(ctx.database.db, id, nikHash))
    throw invalid([{ field: 'body.nik', issue: 'pb_already_registered' }]);
  const code = `PB-${randomText(4)}-${randomText(4)}`;
  await ctx.database.db.transaction(async (tx) => {
    await repo.insertVoter(tx, {
      electionId: id,
      nikHash,
      codeHash: keyedHash(ctx.config.personalDataKey, 'pb-code', code),
      regionCode: region,
      issuedBy: principal.actor.userId ?? null,
      issuedAt: toHour(ctx.clock()),
    });
    await appendAudit(tx, principal, {
      action: 'pb.voter.registered',
      entity: 'pb_election',
      entityId: id,
      after: { regionCode: region },
    });
  });
  return { code, regionCode: region };
}

/** Checks a ballot against the election's format and projects; every problem names its field. */
function checkBallot(ballot: Ballot, codes: Set<string>, body: PbBallotBody): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const [i, c] of body.vote.entries()) {
    if (!codes.has(c))
      issues.push({ field: `body.vote.${i}`, issue: 'pb_unknown_project', params: { value: c } });
    if (seen.has(c))
      issues.push({ field: `body.vote.${i}`, issue: 'pb_duplicate_choice', params: { value: c } });
    seen.add(c);
  }
  if (ballot.type === 'approval') {
    if (body.vote.length > ballot.maxChoices)
      issues.push({ field: 'body.vote', issue: 'pb_too_many_choices', params: { max: ballot.maxChoices } });
    if (body.points) issues.push({ field: 'body.points', issue: 'pb_points_not_allowed' });
  } else {
    if (!body.points || body.points.length !== body.vote.length)
      issues.push({ field: 'body.points', issue: 'pb_points_length' });
    else if (body.points.reduce((a, b) => a + b, 0) > ballot.points)
      issues.push({ field: 'body.points', issue: 'pb_points_total', params: { max: ballot.points } });
  }
  return issues;
}

/**
 * Casts a ballot with a voting code: online by the voter, or from paper by an officer of the
 * voter's desa or kecamatan. Returns the receipt; the code cannot be used again.
 */
export async function castBallot(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: PbBallotBody,
  channel: 'online' | 'paper',
) {
  const e = await mustFind(ctx, id);
  if (e.state !== 'dibuka') throw badState('pilih', e.state);
  const projects = await repo.findProjects(ctx.database.db, id);
  const issues = checkBallot(e.ballot as Ballot, new Set(projects.map((p) => p.code)), body);
  if (issues.length) throw invalid(issues);
  const voter = await repo.findVoterByCode(
    ctx.database.db,
    id,
    keyedHash(ctx.config.personalDataKey, 'pb-code', body.code),
  );
  if (!voter) throw invalid([{ field: 'body.code', issue: 'pb_code_unknown' }]);
  if (channel === 'paper' && !canActInRegion(principal.actor, parseRegionCode(voter.regionCode)))
    throw new AppError('OUT_OF_SCOPE');
  if (voter.votedAt) throw invalid([{ field: 'body.code', issue: 'pb_code_used' }]);
  const receipt = `R-${randomText(10)}`;
  const now = toHour(ctx.clock());
  await ctx.database.db.transaction(async (tx) => {
    if (!(await repo.markVoted(tx, voter.id, now)))
      throw invalid([{ field: 'body.code', issue: 'pb_code_used' }]);
    await repo.insertBallots(tx, [
      {
        electionId: id,
        receipt,
        regionCode: voter.regionCode,
        channel,
        vote: body.vote,
        points: body.points ?? null,
        castAt: now,
      },
    ]);
    // Paper entry is an officer's act and is audited; an online ballot is its own record.
    if (channel === 'paper')
      await appendAudit(tx, principal, {
        action: 'pb.ballot.paper',
        entity: 'pb_election',
        entityId: id,
        after: { regionCode: voter.regionCode },
      });
  });
  return { receipt, electionId: id, title: e.title, vote: body.vote, points: body.points ?? null };
}

/** What a receipt shows its holder: that the ballot is counted, and what it says. */
export async function checkReceipt(ctx: AppContext, receipt: string) {
  const b = await repo.findBallotByReceipt(ctx.database.db, receipt);
  if (!b) throw new AppError('NOT_FOUND', { details: { what: receipt } });
  const e = await mustFind(ctx, b.electionId);
  return {
    receipt,
    electionId: e.id,
    title: e.title,
    channel: b.channel,
    vote: b.vote,
    points: b.points,
    castOn: b.castAt.toISOString().slice(0, 10),
  };
}

export async function requestCount(ctx: AppContext, principal: Principal, id: string) {
  const e = await mustFind(ctx, id);
  if (e.state !== 'ditutup') throw badState('hitung', e.state);
  const job = await enqueueJob(ctx, principal, { kind: 'pb.count', params: { electionId: id } });
  await ctx.database.db.transaction((tx) => repo.updateElection(tx, id, { jobId: job.id }, ctx.clock()));
  return { jobId: job.id };
}

async function electionData(ctx: AppContext, id: string) {
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
const countWorker = new URL('./count.worker.mjs', import.meta.url);

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
  const e = await mustFind(ctx, id);
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
  const e = await mustFind(ctx, id);
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

/** Pabulib's name for a rule configuration (META `rule`). */
function pabulibRule(c: RuleConfig) {
  if (c.rule !== 'mes') return c.rule;
  const base = c.completion === 'none' ? 'equalshares' : 'equalshares/add1';
  return c.compareGreedy ? `${base}-comparison` : base;
}

/** The election as a Pabulib `.pb` file: ballots anonymous, numbered in receipt order. */
export async function exportPb(ctx: AppContext, id: string) {
  const { e, projects, ballots } = await electionData(ctx, id);
  const view = await getElection(ctx, id);
  const ballot = e.ballot as Ballot;
  const cumulative = ballot.type === 'cumulative';
  const meta: Record<string, string> = {
    ...(e.source === 'pabulib' ? (e.meta as Record<string, string>) : {}),
    description: e.title,
    country: 'Indonesia',
    unit: 'Kabupaten Blitar',
    instance: String(e.planYear),
    num_projects: String(projects.length),
    num_votes: String(ballots.length),
    budget: String(e.budget),
    vote_type: ballot.type,
    rule: pabulibRule(e.rule as RuleConfig),
    currency: 'IDR',
    language: 'id',
    ...(ballot.type === 'approval'
      ? { max_length: String(ballot.maxChoices) }
      : { max_sum_points: String(ballot.points) }),
    ...((e.rule as RuleConfig).threshold
      ? { min_project_score_threshold: String((e.rule as RuleConfig).threshold) }
      : {}),
  };
  return writePb({
    meta,
    projectColumns: ['project_id', 'cost', 'name', 'district', 'votes', 'selected'],
    projects: view.projects.map((p) => ({
      id: p.code,
      cost: p.cost,
      fields: {
        project_id: p.code,
        cost: String(p.cost),
        name: p.title,
        district: p.regionCode ?? '',
        votes: p.votes === null ? '' : String(p.votes),
        selected: p.selected === null ? '' : p.selected ? '1' : '0',
      },
    })),
    voteColumns: cumulative ? ['voter_id', 'vote', 'points', 'district'] : ['voter_id', 'vote', 'district'],
    voters: ballots.map((b, i) => ({
      id: String(i + 1),
      vote: b.vote,
      points: b.points,
      fields: {
        voter_id: String(i + 1),
        vote: b.vote.join(','),
        ...(cumulative ? { points: (b.points ?? []).join(',') } : {}),
        district: b.regionCode ?? '',
      },
    })),
  });
}

/**
 * Imports a Pabulib file as a closed election, ready to count: its META kept, the rule it names
 * (Equal Shares with Add1 when it names none Sinergi runs), approval or cumulative ballots.
 */
export async function importPb(ctx: AppContext, principal: Principal, text: string, planYear: number) {
  let file: ReturnType<typeof parsePb>;
  let election: Election;
  try {
    file = parsePb(text);
    election = electionOf(file);
  } catch (error) {
    if (error instanceof PbError)
      throw invalid([{ field: 'file', issue: error.issue, params: { ...error.params, line: error.line } }]);
    throw error;
  }
  const type = file.meta.vote_type ?? 'approval';
  if (type !== 'approval' && type !== 'cumulative')
    throw invalid([{ field: 'file', issue: 'pbf_vote_type', params: { value: type } }]);
  const named = ruleFromMeta(file.meta.rule ?? '');
  const threshold = Number(file.meta.min_project_score_threshold ?? 0) || 0;
  const rule: RuleConfig = {
    ...(named ?? { rule: 'mes', completion: 'add1', compareGreedy: false }),
    utility: 'cost',
    threshold,
    // Pabulib files come from elections whose Add1 went one currency unit at a time.
    add1Step: 1,
  };
  const maxPoints = Math.max(2, ...election.ballots.map((b) => (b.points ?? []).reduce((a, x) => a + x, 0)));
  const ballot: Ballot =
    type === 'approval'
      ? {
          type,
          maxChoices: Math.min(
            200,
            Math.max(1, Number(file.meta.max_length) || 0, ...election.ballots.map((b) => b.vote.length)),
          ),
        }
      : { type, points: Math.min(100, Number(file.meta.max_sum_points) || maxPoints) };
  const title = (file.meta.description || `${file.meta.unit ?? 'Pabulib'} ${file.meta.instance ?? ''}`).slice(
    0,
    160,
  );
  return ctx.database.db.transaction(async (tx) => {
    const row = await repo.insertElection(tx, {
      title: title.length >= 5 ? title : `Pabulib: ${title}`,
      description: file.meta.comment ?? '',
      planYear,
      budget: election.budget,
      ballot,
      rule,
      state: 'ditutup',
      source: 'pabulib',
      meta: file.meta,
      createdBy: principal.actor.userId ?? null,
    });
    const names = new Map(file.projects.map((p) => [p.id, p.fields.name || p.fields.title || p.id]));
    await repo.replaceProjects(
      tx,
      row.id,
      election.projects.map((p, position) => ({
        electionId: row.id,
        code: p.id.slice(0, 40),
        title: (names.get(p.id) ?? p.id).slice(0, 200),
        cost: p.cost,
        position,
      })),
    );
    await repo.insertBallots(
      tx,
      election.ballots.map((b) => ({
        electionId: row.id,
        receipt: `R-${randomText(10)}`,
        regionCode: null,
        channel: 'import',
        vote: [...b.vote],
        points: b.points ? [...b.points] : null,
        castAt: toHour(ctx.clock()),
      })),
    );
    await appendAudit(tx, principal, {
      action: 'pb.election.imported',
      entity: 'pb_election',
      entityId: row.id,
      after: {
        projects: election.projects.length,
        ballots: election.ballots.length,
        rule: file.meta.rule ?? '',
      },
    });
    return { id: row.id, projects: election.projects.length, ballots: election.ballots.length };
  });
}
