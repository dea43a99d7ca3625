import { randomInt } from 'node:crypto';
import type { PbElectionBody } from '@sinergi/contracts';
import {
  AppError,
  canActInRegion,
  canManageVote,
  explainCount,
  type FieldIssue,
  isWithin,
  parseRegionCode,
  type RuleConfig,
  type RunOutcome,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findFundingCandidates } from '../musrenbang/musrenbang.decisions.ts';
import { trackingCodesOfProposals } from '../musrenbang/musrenbang.facade.ts';
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

export type Ballot = { type: 'approval'; maxChoices: number } | { type: 'cumulative'; points: number };

export interface StoredResult {
  outcome: RunOutcome;
  greedy: { selected: string[]; cost: number; quality: RunOutcome['quality'] };
  votes: Record<string, number>;
  ballots: number;
  config: RuleConfig;
  districtCorrected: boolean;
  computedAt: string;
}

export interface Override {
  selected: string[];
  cost: number;
  reason: string;
  by: string;
  at: string;
}

export const invalid = (issues: FieldIssue[]) => new AppError('VALIDATION', { issues });

export const badState = (action: string, state: string) =>
  new AppError('INVALID_STATE', { details: { action, state } });

export async function mustFind(ctx: AppContext, id: string) {
  const e = await repo.findElection(ctx.database.db, id);
  if (!e) throw new AppError('NOT_FOUND', { details: { what: id } });
  return e;
}

/** The vote, when this account runs it (core's canManageVote); another area's reads as out of scope. */
export async function mustManage(ctx: AppContext, principal: Principal, id: string) {
  const e = await mustFind(ctx, id);
  if (!canManageVote(principal.actor, e)) throw new AppError('OUT_OF_SCOPE');
  return e;
}

/**
 * The area of a vote being saved: a desa or kecamatan account's own (or a desa inside its
 * kecamatan), refused by field outside it; Bappeda's may be any desa or kecamatan, or none.
 */
async function areaOf(
  ctx: AppContext,
  principal: Principal,
  body: PbElectionBody,
  candidates: ReadonlyMap<string, string>,
) {
  const actor = principal.actor;
  const staffOfArea = actor.role === 'desa' || actor.role === 'kecamatan';
  const given = body.regionCode ?? (staffOfArea ? (actor.regionCode ?? null) : null);
  if (!given) return null;
  const region = parseRegionCode(given);
  const level = region.split('.').length;
  const known = level >= 3 && (await findRegion(ctx, region));
  if (!known || (staffOfArea && !canActInRegion(actor, region)))
    throw invalid([{ field: 'body.regionCode', issue: 'outside_your_area' }]);
  // A project, and the proposal it would fund, lie inside the area whose residents vote on it.
  const inside = (code: string | null | undefined) => !code || isWithin(parseRegionCode(code), region);
  const outside = body.projects.flatMap((p, i) => [
    ...(inside(p.regionCode) ? [] : [{ field: `body.projects.${i}.regionCode`, issue: 'outside_vote_area' }]),
    ...(p.proposalId && !inside(candidates.get(p.proposalId))
      ? [{ field: `body.projects.${i}.proposalId`, issue: 'outside_vote_area' }]
      : []),
  ]);
  if (outside.length) throw invalid(outside);
  return region as string;
}

/** Letters and digits a person reads off paper without mistaking one for another. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const randomText = (n: number) =>
  Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** Ballot times are kept to the hour, so they cannot be matched with the register. */
export const toHour = (d: Date) => new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);

/** Checks a vote's body; answers the proposals it may fund, by id, with their desa. */
async function checkBody(ctx: AppContext, body: PbElectionBody): Promise<Map<string, string>> {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const kabupaten = parseRegionCode(ctx.config.activeKabupaten);
  const candidates = body.projects.some((p) => p.proposalId)
    ? new Map((await findFundingCandidates(ctx, body.planYear)).map((c) => [c.id, c.regionCode]))
    : new Map<string, string>();
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
  return candidates;
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
  const candidates = await checkBody(ctx, body);
  if (id) {
    const existing = await mustManage(ctx, principal, id);
    if (existing.state !== 'draf') throw badState('ubah', existing.state);
  }
  const regionCode = await areaOf(ctx, principal, body, candidates);
  if (!canManageVote(principal.actor, { regionCode })) throw new AppError('OUT_OF_SCOPE');
  const values = {
    regionCode,
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

/** Sinergi's own votes are in rupiah; an imported one's amounts are in the currency its file names. */
export function currencyOf(e: { source: string; meta: unknown }): string {
  if (e.source !== 'pabulib') return 'IDR';
  const named = (e.meta as Record<string, string> | null)?.currency?.trim().toUpperCase() ?? '';
  return /^[A-Z]{3}$/.test(named) ? named : '';
}

export async function listElections(ctx: AppContext) {
  const rows = await repo.listElections(ctx.database.db);
  const counts = await repo.countsOfAll(
    ctx.database.db,
    rows.map((e) => e.id),
  );
  return {
    items: rows.map((e) => ({
      id: e.id,
      title: e.title,
      planYear: e.planYear,
      budget: e.budget,
      currency: currencyOf(e),
      state: e.state as ElectionState,
      source: e.source as 'sinergi' | 'pabulib',
      ...counts.get(e.id)!,
      overridden: e.overridden,
      updatedAt: e.updatedAt.toISOString(),
    })),
  };
}

/**
 * One election as the public reads it. Votes per project appear only once voting has closed, so
 * a running tally cannot sway the voters still to come.
 */
export async function getElection(
  ctx: AppContext,
  id: string,
  lang: 'id' | 'en' = 'id',
  principal: Principal | null = null,
) {
  const e = await mustFind(ctx, id);
  const projects = await repo.findProjects(ctx.database.db, id);
  const names = await namesOf(ctx, [
    ...projects.flatMap((p) => (p.regionCode ? [p.regionCode] : [])),
    ...(e.regionCode ? [e.regionCode] : []),
  ]);
  const result = e.result as StoredResult | null;
  const override = e.override as Override | null;
  const final = override?.selected ?? result?.outcome.selected ?? null;
  const codes = await trackingCodesOfProposals(
    ctx,
    projects.flatMap((p) => (p.proposalId ? [p.proposalId] : [])),
  );
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    planYear: e.planYear,
    budget: e.budget,
    currency: currencyOf(e),
    ballot: e.ballot as Ballot,
    rule: e.rule as RuleConfig,
    districtShares: e.districtShares as Record<string, number> | null,
    regionCode: e.regionCode,
    regionName: e.regionCode ? (names.get(e.regionCode) ?? e.regionCode) : null,
    mayManage: principal !== null && canManageVote(principal.actor, e),
    state: e.state as ElectionState,
    source: e.source as 'sinergi' | 'pabulib',
    meta: e.meta as Record<string, string>,
    counts: await repo.countsOf(ctx.database.db, id),
    projects: projects.map((p) => ({
      code: p.code,
      title: p.title,
      cost: p.cost,
      regionCode: p.regionCode,
      regionName: p.regionCode ? (names.get(p.regionCode) ?? p.regionCode) : null,
      proposalId: p.proposalId,
      trackingCode: p.proposalId ? (codes.get(p.proposalId) ?? null) : null,
      votes: result ? (result.votes[p.code] ?? 0) : null,
      selected: final ? final.includes(p.code) : null,
    })),
    result,
    override,
    final,
    // The count in plain words for citizens, beside the technical rounds.
    explanation: result
      ? explainCount(
          {
            budget: e.budget,
            ballots: result.ballots,
            // The rule whose choice was kept (a comparison may keep greedy's).
            rule: result.outcome.comparison?.kept === 'greedy' ? 'greedy' : result.config.rule,
            projects,
            votes: result.votes,
            selected: result.outcome.selected,
            rounds: result.outcome.rounds.map((r) => ({
              project: r.project,
              payments: r.payments.map((p) => ({ amount: String(p.amount) })),
            })),
            greedySelected: result.greedy.selected,
            belowThreshold: result.outcome.belowThreshold ?? [],
            currency: currencyOf(e),
            points: (e.ballot as Ballot).type === 'cumulative',
            completion: result.config.completion,
            ...(result.outcome.endowment ? { endowment: result.outcome.endowment } : {}),
            districtCorrected: result.districtCorrected,
          },
          lang,
        )
      : null,
  };
}

export async function changeState(
  ctx: AppContext,
  principal: Principal,
  id: string,
  action: 'buka' | 'tutup',
) {
  const e = await mustManage(ctx, principal, id);
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
