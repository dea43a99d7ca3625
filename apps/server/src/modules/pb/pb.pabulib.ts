import {
  AppError,
  canManageVote,
  type Election,
  electionOf,
  largest,
  PbError,
  type PbFile,
  type RuleConfig,
  ruleFromMeta,
  thresholdOf,
  writePb,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { electionData } from './pb.count.ts';
import * as repo from './pb.repository.ts';
import { type Ballot, getElection, invalid, randomText, toHour } from './pb.service.ts';

/** Pabulib files: a closed vote exported with anonymous ballots, or imported as a closed vote. */
/** Pabulib's name for a rule configuration (META `rule`). */
export function pabulibRule(c: RuleConfig) {
  if (c.rule !== 'mes') return c.rule;
  const base = c.completion === 'none' ? 'equalshares' : 'equalshares/add1';
  return c.compareGreedy ? `${base}-comparison` : base;
}

const pick = (from: Record<string, string>, keys: readonly string[]) =>
  Object.fromEntries(keys.flatMap((k) => (from[k] ? [[k, from[k]]] : [])));

/** The election as a Pabulib `.pb` file: ballots anonymous, numbered in receipt order. */
export async function exportPb(ctx: AppContext, id: string) {
  const { e, projects, ballots } = await electionData(ctx, id);
  const view = await getElection(ctx, id);
  const ballot = e.ballot as Ballot;
  const cumulative = ballot.type === 'cumulative';
  // An imported vote keeps its file's own description, place, year, currency and language (a
  // zloty vote exported as rupiah would be wrong); what Sinergi holds (counts, budget, rule) is ours.
  const own = e.source === 'pabulib' ? (e.meta as Record<string, string>) : {};
  const meta: Record<string, string> = {
    ...own,
    description: e.title,
    country: 'Indonesia',
    unit: 'Kabupaten Blitar',
    instance: String(e.planYear),
    currency: 'IDR',
    language: 'id',
    ...pick(own, ['description', 'country', 'unit', 'subunit', 'instance', 'currency', 'language']),
    num_projects: String(projects.length),
    num_votes: String(ballots.length),
    budget: String(e.budget),
    vote_type: ballot.type,
    rule: pabulibRule(e.rule as RuleConfig),
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
export async function importPb(ctx: AppContext, principal: Principal, file: PbFile, planYear: number) {
  // An imported file is a vote of no area: Bappeda's to load, not a desa's.
  if (!canManageVote(principal.actor, { regionCode: null })) throw new AppError('OUT_OF_SCOPE');
  let election: Election;
  try {
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
  const threshold = thresholdOf(file.meta);
  const rule: RuleConfig = {
    ...(named ?? { rule: 'mes', completion: 'add1', compareGreedy: false }),
    utility: 'cost',
    threshold,
    // Pabulib files come from elections whose Add1 went one currency unit at a time.
    add1Step: 1,
  };
  const maxPoints = largest(
    election.ballots.map((b) => (b.points ?? []).reduce((a, x) => a + x, 0)),
    2,
  );
  const ballot: Ballot =
    type === 'approval'
      ? {
          type,
          maxChoices: Math.min(
            200,
            largest(
              election.ballots.map((b) => b.vote.length),
              Math.max(1, Number(file.meta.max_length) || 0),
            ),
          ),
        }
      : { type, points: Math.min(100, Number(file.meta.max_sum_points) || maxPoints) };
  const title = (file.meta.description || `${file.meta.unit ?? 'Pabulib'} ${file.meta.instance ?? ''}`).slice(
    0,
    160,
  );
  // Its ballots go in as `insert ... select` from one JSON parameter (db/client.ts quietly).
  return ctx.database.quietly(async (tx) => {
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
    await repo.insertImportedBallots(
      tx,
      row.id,
      toHour(ctx.clock()),
      election.ballots.map((b) => ({
        receipt: `R-${randomText(10)}`,
        vote: [...b.vote],
        points: b.points ? [...b.points] : null,
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
