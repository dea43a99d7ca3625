import {
  AppError,
  assertRegionScope,
  computeIndex,
  type EntryAction,
  type EntryState,
  entryAbilities,
  entryStep,
  entryStepPermission,
  type FieldIssue,
  idm2016,
  indicatorsOf,
  isDesaCode,
  isWithin,
  nextEntryState,
  parentOf,
  parseRegionCode,
  scoreFromObservation,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findDesaWithin, namesOf } from '../regions/regions.service.ts';
import * as repo from './village-index.repository.ts';

const scheme = idm2016;

function desaCode(ctx: AppContext, raw: string) {
  const code = parseRegionCode(raw);
  if (!isDesaCode(code) || !isWithin(code, parseRegionCode(ctx.config.activeKabupaten))) {
    // Only desa are scored (kelurahan are outside IDM and Dana Desa).
    throw new AppError('VALIDATION', {
      issues: [{ field: 'params.code', issue: 'wrong_level', params: { level: 'desa' } }],
    });
  }
  return code;
}

/** Which step of the chain an actor may take, and on which desa (core's entryStep). */
function assertMayAct(principal: Principal, action: EntryAction, code: string) {
  const region = parseRegionCode(code);
  const verdict = entryStep(principal.actor, action, region);
  if (verdict === 'forbidden')
    throw new AppError('FORBIDDEN', { details: { permission: entryStepPermission[action] } });
  if (verdict === 'out_of_scope') throw new AppError('OUT_OF_SCOPE', { details: { region } });
}

const audited = (row: repo.ResultRow | null) =>
  row && { state: row.state, value: row.value, status: row.status, scores: row.scores };

/**
 * Raw observations (a distance, a ratio, a count) for indicators with rubric bands: each must be
 * covered by a band, and the score sent must be the one the band gives.
 */
function checkObservations(observations: Record<string, number>, scores: Record<string, number>) {
  const byCode = new Map(indicatorsOf(scheme).map((i) => [i.code, i]));
  const issues: FieldIssue[] = [];
  for (const [code, value] of Object.entries(observations)) {
    const rubric = byCode.get(code)?.rubric;
    if (!rubric) {
      issues.push({ field: `observations.${code}`, issue: 'no_rubric' });
      continue;
    }
    const score = Number.isFinite(value) ? scoreFromObservation(rubric, value) : null;
    if (score === null) issues.push({ field: `observations.${code}`, issue: 'rubric_gap' });
    else if (scores[code] !== score)
      issues.push({ field: code, issue: 'score_rubric_mismatch', params: { expected: score } });
  }
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return observations;
}

/** The desa enters or corrects a year's 50 scores (a draft until submitted). */
export async function saveEntry(
  ctx: AppContext,
  principal: Principal,
  input: {
    code: string;
    year: number;
    scores: Record<string, number>;
    observations?: Record<string, number> | undefined;
    basedOn?: string | null | undefined;
  },
) {
  const code = desaCode(ctx, input.code);
  assertMayAct(principal, 'save', code);
  const observations = checkObservations(input.observations ?? {}, input.scores);
  const result = computeIndex(scheme, input.scores);
  return ctx.database.db.transaction(async (tx) => {
    const key = { schemeId: scheme.id, year: input.year, regionCode: code };
    const before = await repo.findResult(tx, key);
    // Scores typed offline from an older version: someone changed the entry meanwhile.
    const current = before ? before.updatedAt.toISOString() : null;
    if (input.basedOn !== undefined && input.basedOn !== current)
      throw new AppError('STALE', { details: { current: current ?? '' } });
    if (before?.source === 'official')
      throw new AppError('INVALID_STATE', { details: { action: 'save', state: 'official' } });
    const state = nextEntryState((before?.state as EntryState | undefined) ?? null, 'save');
    const scores = Object.fromEntries(
      scheme.dimensions.flatMap((d) => d.indicators.map((i) => [i.code, input.scores[i.code]!])),
    );
    const saved = await repo.upsertResult(
      tx,
      {
        ...key,
        state,
        source: 'entry',
        scores,
        observations: Object.keys(observations).length ? observations : null,
        dimensions: Object.fromEntries(result.dimensions.map((d) => [d.code, d.value])),
        value: result.value,
        status: result.status.code,
      },
      ctx.clock(),
    );
    await appendAudit(tx, principal, {
      action: 'village_index.saved',
      entity: 'village_index',
      entityId: `${scheme.id}:${input.year}:${code}`,
      before: audited(before),
      after: audited(saved),
    });
    return saved;
  });
}

/** One step of the chain: submit (desa), verify (kecamatan), approve (kabupaten) or return. */
export async function signOff(
  ctx: AppContext,
  principal: Principal,
  input: { code: string; year: number; action: Exclude<EntryAction, 'save'>; note?: string | undefined },
) {
  const code = desaCode(ctx, input.code);
  assertMayAct(principal, input.action, code);
  return ctx.database.db.transaction(async (tx) => {
    const key = { schemeId: scheme.id, year: input.year, regionCode: code };
    const before = await repo.findResult(tx, key);
    if (!before) throw new AppError('NOT_FOUND');
    // A return needs its reason (core's sign-off machine); the desa reads it until it submits again.
    const state = nextEntryState(before.state as EntryState, input.action, input.note);
    const returnNote =
      input.action === 'return' ? input.note!.trim() : input.action === 'submit' ? null : undefined;
    const after = await repo.setState(tx, key, state, ctx.clock(), returnNote);
    await appendAudit(tx, principal, {
      action: `village_index.${input.action}`,
      entity: 'village_index',
      entityId: `${scheme.id}:${input.year}:${code}`,
      before: { state: before.state },
      after: { state, ...(input.note ? { note: input.note } : {}) },
    });
    return after;
  });
}

/** The desa of a year within the actor's scope, with their state: the worklist of each level. */
export async function findWorklist(
  ctx: AppContext,
  principal: Principal,
  q: { year: number; within?: string | undefined },
) {
  const actor = principal.actor;
  const kab = parseRegionCode(ctx.config.activeKabupaten);
  let within = q.within ? parseRegionCode(q.within) : kab;
  if ((actor.role === 'desa' || actor.role === 'kecamatan') && actor.regionCode) {
    const own = actor.regionCode;
    within = actor.role === 'desa' ? parentOf(own)! : own;
    if (q.within && !isWithin(parseRegionCode(q.within), within))
      throw new AppError('OUT_OF_SCOPE', { details: { region: q.within } });
  }
  let rows = await repo.findResultsOfYear(ctx.database.db, { schemeId: scheme.id, year: q.year, within });
  // A desa's list (and its berita acara) is its own row only.
  if (actor.role === 'desa' && actor.regionCode) {
    rows = rows.filter((r) => r.regionCode === actor.regionCode);
    within = actor.regionCode;
  }
  // The desa in scope that have entered nothing for the year: who the kecamatan still waits for.
  const entered = new Set(rows.map((r) => r.regionCode));
  const missing = (
    actor.role === 'desa' && actor.regionCode
      ? [{ code: actor.regionCode, name: '' }]
      : await findDesaWithin(ctx, within)
  ).filter((d) => !entered.has(d.code));
  const names = await namesOf(ctx, [
    within,
    ...[...rows.map((r) => r.regionCode), ...missing.map((d) => d.code)].flatMap((c) => [
      c,
      parentOf(parseRegionCode(c))!,
    ]),
  ]);
  return {
    year: q.year,
    region: { code: within, name: names.get(within) ?? within },
    missing: missing.map((d) => ({
      code: d.code,
      name: names.get(d.code) ?? d.code,
      kecamatan: names.get(parentOf(parseRegionCode(d.code))!) ?? '',
    })),
    items: rows.map((r) => ({
      /** The steps the reader can take on this entry now (core's entryAbilities). */
      abilities: entryAbilities(actor, parseRegionCode(r.regionCode), r.state as EntryState),
      code: r.regionCode,
      name: names.get(r.regionCode) ?? r.regionCode,
      kecamatan: names.get(parentOf(parseRegionCode(r.regionCode))!) ?? '',
      state: r.state,
      source: r.source,
      value: r.value,
      status: r.status,
      returnNote: r.returnNote,
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}

/** One desa's entry of a year with its scores and step, for those in scope (the desa, its kecamatan, the kabupaten). */
export async function getEntry(ctx: AppContext, principal: Principal, input: { code: string; year: number }) {
  const code = desaCode(ctx, input.code);
  const actor = principal.actor;
  if (actor.role === 'desa' || actor.role === 'kecamatan') assertRegionScope(actor, code);
  const row = await repo.findResult(ctx.database.db, {
    schemeId: scheme.id,
    year: input.year,
    regionCode: code,
  });
  if (!row) throw new AppError('NOT_FOUND');
  // The latest earlier year on record, for the verifier to see what changed.
  const previous = await repo.findPreviousResult(ctx.database.db, {
    schemeId: scheme.id,
    year: input.year,
    regionCode: code,
  });
  return { ...row, previous };
}
