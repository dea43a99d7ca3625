import { createHash } from 'node:crypto';
import type { PbBallotBody } from '@sinergi/contracts';
import { AppError, canActInRegion, type FieldIssue, isWithin, parseRegionCode } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { keyedHash } from '../../personal/personal-data.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { assertLocation } from '../musrenbang/musrenbang.service.ts';
import * as repo from './pb.repository.ts';
import { type Ballot, badState, invalid, mustFind, randomText, toHour } from './pb.service.ts';

/** The register of voters and the ballots: one code per resident, one ballot per code, a receipt for each. */
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
  // A desa's or kecamatan's vote is its residents'.
  if (e.regionCode && !isWithin(region, parseRegionCode(e.regionCode)))
    throw invalid([{ field: 'body.regionCode', issue: 'outside_vote_area' }]);
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
export function checkBallot(ballot: Ballot, codes: Set<string>, body: PbBallotBody): FieldIssue[] {
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
  return {
    receipt,
    electionId: id,
    title: e.title,
    vote: body.vote,
    points: body.points ?? null,
    fingerprint: ballotFingerprint(receipt, body.vote, body.points ?? null),
  };
}

/**
 * A ballot's fingerprint (issue 17): a hash of its receipt and content. The list of an election's
 * fingerprints is public, so a voter sees their ballot is among those counted; the content stays
 * with the voter, so a receipt cannot prove to a vote buyer how its holder voted.
 */
export function ballotFingerprint(
  receipt: string,
  vote: readonly string[],
  points: readonly number[] | null,
) {
  return createHash('sha256')
    .update(`${receipt}\n${vote.join(',')}\n${points?.join(',') ?? ''}`)
    .digest('hex')
    .slice(0, 16)
    .toUpperCase();
}

/** What a receipt shows anyone holding it: that the ballot is recorded, when and how, and its fingerprint; not its content. */
export async function checkReceipt(ctx: AppContext, receipt: string) {
  const b = await repo.findBallotByReceipt(ctx.database.db, receipt);
  if (!b) throw new AppError('NOT_FOUND', { details: { what: receipt } });
  const e = await mustFind(ctx, b.electionId);
  return {
    receipt,
    electionId: e.id,
    title: e.title,
    channel: b.channel,
    castOn: b.castAt.toISOString().slice(0, 10),
    fingerprint: ballotFingerprint(b.receipt, b.vote, b.points),
  };
}

/** The public list of an election's ballot fingerprints, in order (no order of casting). */
export async function fingerprintsOf(ctx: AppContext, electionId: string) {
  await mustFind(ctx, electionId);
  const ballots = await repo.findBallotReceipts(ctx.database.db, electionId);
  return {
    electionId,
    fingerprints: ballots.map((b) => ballotFingerprint(b.receipt, b.vote, b.points)).sort(),
  };
}
