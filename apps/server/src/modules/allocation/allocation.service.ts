import type { ScenarioBody } from '@sinergi/contracts';
import {
  AppError,
  ahpWeights,
  type Criterion,
  largest,
  type PortfolioItem,
  type PortfolioRules,
  type RuleRef,
  weightedScores,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { enqueueJob } from '../jobs/jobs.service.ts';
import type { JobRun } from '../module.ts';
import { findFundingCandidates } from '../musrenbang/musrenbang.decisions.ts';
import { latestIndexByDesa } from '../village-index/village-index.service.ts';
import type { Explanation } from './allocation.explain.ts';
import { type Adoption, presentAdoption } from './allocation.record.ts';
import * as repo from './allocation.repository.ts';
import { checkRules } from './allocation.rules.ts';
import { type PortfolioResult, solvePortfolio } from './solver.ts';

/** Which way each criterion points (domain facts: typical criteria). */
const directions: Record<string, Criterion['direction']> = {
  penerima_manfaat: 'benefit',
  biaya_per_penerima: 'cost',
  kebutuhan_desa: 'benefit',
  peringkat_forum: 'cost',
  urgensi: 'benefit',
  kesiapan: 'benefit',
  keselarasan: 'benefit',
};

type Candidate = Awaited<ReturnType<typeof findFundingCandidates>>[number];

export interface StoredResult extends PortfolioResult {
  scores: Record<string, number>;
  weights: Record<string, number>;
  consistencyRatio: number | null;
  computedAt: string;
}

export interface Settings {
  timeLimit: number;
  gap: number;
  ahp?: number[][] | undefined;
  assessments?: ScenarioBody['assessments'];
}

export async function mustFind(ctx: AppContext, id: string) {
  const s = await repo.findScenario(ctx.database.db, id);
  if (!s) throw new AppError('NOT_FOUND', { details: { what: id } });
  return s;
}

/** The weights: AHP from the pairwise matrix when given (refused above CR 0.10), else as set. */
function weightsOf(body: Pick<ScenarioBody, 'criteria' | 'ahp'>) {
  if (!body.ahp) return { weights: body.criteria.map((c) => c.weight), consistencyRatio: null };
  if (body.ahp.length !== body.criteria.length)
    throw new AppError('VALIDATION', { issues: [{ field: 'body.ahp', issue: 'ahp_size' }] });
  try {
    const r = ahpWeights(body.ahp);
    return { weights: r.weights, consistencyRatio: r.consistencyRatio };
  } catch (error) {
    if (error instanceof AppError)
      throw new AppError('VALIDATION', {
        issues: error.issues.map((i) => ({ ...i, field: `body.ahp${i.field.slice('matrix'.length)}` })),
      });
    throw error;
  }
}

export async function saveScenario(ctx: AppContext, principal: Principal, body: ScenarioBody, id?: string) {
  weightsOf(body);
  const candidates = await findFundingCandidates(ctx, body.planYear);
  const issues = checkRules(body.rules, body.assessments, candidates);
  if (issues.length) throw new AppError('VALIDATION', { issues });
  const values = {
    name: body.name,
    planYear: body.planYear,
    budget: body.budget,
    criteria: body.criteria,
    rules: body.rules,
    settings: {
      timeLimit: body.timeLimit,
      gap: body.gap,
      ahp: body.ahp,
      assessments: body.assessments,
    } satisfies Settings,
  };
  // Read before the transaction: PGlite has one connection, so a read outside `tx` inside it would wait forever.
  if (id) {
    const existing = await mustFind(ctx, id);
    if (existing.state !== 'draf')
      throw new AppError('INVALID_STATE', { details: { state: existing.state } });
  }
  return ctx.database.db.transaction(async (tx) => {
    if (id) {
      await repo.updateScenario(tx, id, { ...values, result: null, explanations: {} }, ctx.clock());
      await appendAudit(tx, principal, {
        action: 'scenario.updated',
        entity: 'scenario',
        entityId: id,
        after: { name: body.name, budget: body.budget },
      });
      return { id };
    }
    const row = await repo.insertScenario(tx, {
      ...values,
      state: 'draf',
      createdBy: principal.actor.userId ?? null,
    });
    await appendAudit(tx, principal, {
      action: 'scenario.created',
      entity: 'scenario',
      entityId: row.id,
      after: { name: body.name, budget: body.budget },
    });
    return { id: row.id };
  });
}

export async function copyScenario(ctx: AppContext, principal: Principal, id: string) {
  const s = await mustFind(ctx, id);
  const settings = s.settings as Settings;
  return saveScenario(ctx, principal, {
    name: `${s.name} (salinan)`.slice(0, 120),
    planYear: s.planYear,
    budget: s.budget,
    criteria: s.criteria as ScenarioBody['criteria'],
    rules: s.rules as ScenarioBody['rules'],
    timeLimit: settings.timeLimit,
    gap: settings.gap,
    assessments: settings.assessments ?? {},
    ...(settings.ahp ? { ahp: settings.ahp } : {}),
  });
}

/** The candidates with their criteria values and weighted score (0..100). */
export async function scored(ctx: AppContext, s: repo.ScenarioRow) {
  const candidates = await findFundingCandidates(ctx, s.planYear);
  const idm = await latestIndexByDesa(ctx);
  const known = [...idm.values()];
  const meanIdm = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 0.5;
  const worstRank =
    largest(
      candidates.map((c) => c.forumRank ?? 0),
      0,
    ) + 1;
  const criteria = s.criteria as ScenarioBody['criteria'];
  const settings = s.settings as Settings;
  const { weights, consistencyRatio } = weightsOf({ criteria, ahp: settings.ahp });
  const values = candidates.map((c) => ({
    penerima_manfaat: c.beneficiaries,
    biaya_per_penerima: c.cost / Math.max(c.beneficiaries, 1),
    // Kelurahan are outside the village index: they count as the kabupaten's mean.
    kebutuhan_desa: 1 - (idm.get(c.regionCode) ?? meanIdm),
    peringkat_forum: c.forumRank ?? worstRank,
    urgensi: settings.assessments?.urgensi?.[c.trackingCode] ?? 0,
    kesiapan: settings.assessments?.kesiapan?.[c.trackingCode] ?? 0,
    keselarasan: settings.assessments?.keselarasan?.[c.trackingCode] ?? 0,
  }));
  const scores = candidates.length
    ? weightedScores(
        values,
        criteria.map((c, i) => ({ code: c.code, direction: directions[c.code]!, weight: weights[i]! })),
      )
    : [];
  return {
    candidates,
    scores: new Map(candidates.map((c, i) => [c.id, Math.round(scores[i]! * 100 * 1e6) / 1e6])),
    weights: Object.fromEntries(criteria.map((c, i) => [c.code, weights[i]!])),
    consistencyRatio,
  };
}

export function modelOf(s: repo.ScenarioRow, data: Awaited<ReturnType<typeof scored>>) {
  const byCode = new Map(data.candidates.map((c) => [c.trackingCode, c.id]));
  const rules = s.rules as ScenarioBody['rules'];
  const ids = (codes: readonly string[] | undefined) =>
    (codes ?? []).flatMap((c) => (byCode.has(c) ? [byCode.get(c)!] : []));
  const items: PortfolioItem[] = data.candidates.map((c) => ({
    id: c.id,
    cost: c.cost,
    score: data.scores.get(c.id)!,
    kecamatan: c.kecamatan,
    opd: c.opd ?? undefined,
    bidang: c.bidang,
    costByYear: rules.costProfiles?.[c.trackingCode] ?? { [String(s.planYear)]: c.cost },
  }));
  const portfolio: PortfolioRules = {
    budget: s.budget,
    ...(rules.yearCeilings ? { yearCeilings: rules.yearCeilings } : {}),
    ...(rules.opdCaps ? { opdCaps: rules.opdCaps } : {}),
    ...(rules.opdFloors ? { opdFloors: rules.opdFloors } : {}),
    ...(rules.bidangCaps ? { bidangCaps: rules.bidangCaps } : {}),
    ...(rules.bidangFloors ? { bidangFloors: rules.bidangFloors } : {}),
    ...(rules.kecamatanFloors ? { kecamatanFloors: rules.kecamatanFloors } : {}),
    mustFund: ids(rules.mustFund),
    requires: (rules.requires ?? []).flatMap(([a, b]) =>
      byCode.has(a) && byCode.has(b) ? [[byCode.get(a)!, byCode.get(b)!] as const] : [],
    ),
    exclusive: (rules.exclusive ?? []).map((g) => ids(g)),
  };
  return { items, rules: portfolio };
}

/** Queues the solve as a job (progress, cancel, survives a reload). */
export async function requestSolve(ctx: AppContext, principal: Principal, id: string) {
  const s = await mustFind(ctx, id);
  if (s.state !== 'draf') throw new AppError('INVALID_STATE', { details: { state: s.state } });
  const job = await enqueueJob(ctx, principal, { kind: 'allocation.solve', params: { scenarioId: id } });
  await ctx.database.db.transaction((tx) => repo.updateScenario(tx, id, { jobId: job.id }, ctx.clock()));
  return { jobId: job.id };
}

/** Job `allocation.solve`: score, solve with HiGHS (progress as the gap closes), store the result. */
export async function runSolveJob(ctx: AppContext, run: JobRun) {
  const { scenarioId } = run.params as { scenarioId: string };
  const s = await mustFind(ctx, scenarioId);
  const settings = s.settings as Settings;
  const data = await scored(ctx, s);
  const { items, rules } = modelOf(s, data);
  await run.progress(0, 100, 'allocation.solving');
  let stop: () => void = () => {};
  const cancelled = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const poll = setInterval(() => run.checkCancelled().catch(() => stop()), 500);
  try {
    const result = await solvePortfolio(items, rules, {
      timeLimit: settings.timeLimit,
      gap: settings.gap,
      cancelled,
      onProgress: (p) => {
        // Progress as how far the gap has closed towards the target, on a log scale.
        const gap = p.gap ?? 1;
        const done =
          gap <= settings.gap
            ? 99
            : Math.max(1, Math.min(99, Math.round((1 - Math.log10(gap * 100 + 1) / 2) * 100)));
        void run.progress(done, 100, 'allocation.solving');
      },
    });
    const stored: StoredResult = {
      ...result,
      scores: Object.fromEntries(data.scores),
      weights: data.weights,
      consistencyRatio: data.consistencyRatio,
      computedAt: ctx.clock().toISOString(),
    };
    await ctx.database.db.transaction(async (tx) => {
      await repo.updateScenario(tx, scenarioId, { result: stored, explanations: {} }, ctx.clock());
      await appendAudit(tx, run.principal, {
        action: 'scenario.solved',
        entity: 'scenario',
        entityId: scenarioId,
        after: {
          status: result.status,
          selected: result.selected.length,
          objective: result.objective,
          gap: result.gap,
        },
      });
    });
    await run.checkCancelled();
    return { status: result.status, selected: result.selected.length };
  } finally {
    clearInterval(poll);
  }
}

function tally(
  candidates: readonly Candidate[],
  selected: ReadonlySet<string>,
  key: (c: Candidate) => string,
) {
  const out: Record<string, number> = {};
  for (const c of candidates) if (selected.has(c.id)) out[key(c)] = (out[key(c)] ?? 0) + c.cost;
  return out;
}

export async function getScenario(ctx: AppContext, id: string) {
  const s = await mustFind(ctx, id);
  // Once adopted, the candidates have moved on along the path: the frozen record is what was decided.
  const frozen = s.adoption as Adoption | null;
  const candidates = frozen ? frozen.candidates : await findFundingCandidates(ctx, s.planYear);
  const other = await repo.findAdopted(ctx.database.db, s.planYear);
  const result = s.result as StoredResult | null;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const codeOf = (pid: string) => byId.get(pid)?.trackingCode ?? pid;
  const presentRule = (r: RuleRef) =>
    r.kind === 'mustFund'
      ? { ...r, id: codeOf(r.id) }
      : r.kind === 'requires'
        ? { ...r, a: codeOf(r.a), b: codeOf(r.b) }
        : r.kind === 'exclusive'
          ? { ...r, ids: r.ids.map(codeOf) }
          : r;
  const optimum = new Set(result?.selected ?? []);
  const greedy = new Set(result?.greedy.selected ?? []);
  const settings = s.settings as Settings;
  const breakdown = (set: ReadonlySet<string>) => ({
    kecamatan: tally(candidates, set, (c) => c.kecamatanName || c.kecamatan),
    /** The same by kecamatan code, for the map. */
    kecamatanCode: tally(candidates, set, (c) => c.kecamatan),
    opd: tally(candidates, set, (c) => c.opd ?? '-'),
    bidang: tally(candidates, set, (c) => c.bidang),
  });
  return {
    id: s.id,
    name: s.name,
    planYear: s.planYear,
    budget: s.budget,
    criteria: s.criteria as ScenarioBody['criteria'],
    ahp: settings.ahp ?? null,
    assessments: settings.assessments ?? {},
    rules: s.rules as ScenarioBody['rules'],
    timeLimit: settings.timeLimit,
    gap: settings.gap,
    state: s.state,
    jobId: s.jobId,
    updatedAt: s.updatedAt.toISOString(),
    result: result && {
      status: result.status,
      objective: result.objective,
      cost: result.cost,
      gap: result.gap,
      greedy: {
        objective: result.greedy.objective,
        cost: result.greedy.cost,
        count: result.greedy.selected.length,
      },
      weights: result.weights,
      consistencyRatio: result.consistencyRatio,
      computedAt: result.computedAt,
      conflicts: result.conflicts?.map(presentRule) ?? null,
      relaxation: result.relaxation?.map((x) => ({ rule: presentRule(x.rule), by: x.by })) ?? null,
      spending: { optimum: breakdown(optimum), greedy: breakdown(greedy) },
    },
    candidates: candidates.map((c) => ({
      ...c,
      score: result?.scores[c.id] ?? null,
      inOptimum: optimum.has(c.id),
      inGreedy: greedy.has(c.id),
    })),
    explanations: { ...frozen?.explanations, ...(s.explanations as Record<string, Explanation>) },
    adoption: presentAdoption(frozen),
    adoptedOther: other && other.id !== s.id ? { id: other.id, name: other.name } : null,
  };
}

export async function listScenarios(ctx: AppContext) {
  const rows = await repo.listScenarios(ctx.database.db);
  return {
    items: rows.map((s) => {
      const r = s.result as StoredResult | null;
      return {
        id: s.id,
        name: s.name,
        planYear: s.planYear,
        budget: s.budget,
        state: s.state,
        status: r?.status ?? null,
        objective: r?.objective ?? null,
        selected: r?.selected.length ?? null,
        updatedAt: s.updatedAt.toISOString(),
      };
    }),
  };
}
