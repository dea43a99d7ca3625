import {
  AppError,
  can,
  canEditPlan,
  ownPlanOwner,
  type PlanLevel,
  planLevelFixedFor,
  planLevels,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { historyOf } from '../audit/audit.service.ts';
import { proposalsLinkedTo, setProposalPlanNode } from '../musrenbang/musrenbang.facade.ts';
import { findOrganisations, getOrganisation } from '../organisations/organisations.service.ts';
import { namesOf } from '../regions/regions.service.ts';
import { presentIndicator, seriesFor } from './plans.indicators.ts';
import { presentPlanDetail, presentPlanSummary } from './plans.presenter.ts';
import * as repo from './plans.repository.ts';

/**
 * Plans and their synchronisation (issue 6). The analysis itself is core's (`core/plans`); this
 * module stores plans, nodes, links and indicators, and presents the results with titles. Nodes
 * and links are in plans.nodes.ts, indicators in plans.indicators.ts, the analyses in
 * plans.analysis.ts.
 */
export async function mustFindPlan(ctx: AppContext, id: string) {
  const p = await repo.findPlan(ctx.database.db, id);
  if (!p) throw new AppError('NOT_FOUND', { details: { what: id } });
  return p;
}

export async function mustFindNode(ctx: AppContext, id: string) {
  const n = await repo.findNode(ctx.database.db, id);
  if (!n) throw new AppError('NOT_FOUND', { details: { what: id } });
  return n;
}

/** The code an OPD's or desa's own plans carry as owner: the organisation code, or the desa code. */
async function ownerCodeOf(ctx: AppContext, principal: Principal) {
  const actor = principal.actor;
  const org =
    actor.role === 'opd' && actor.organisationId
      ? await getOrganisation(ctx, actor.organisationId).catch(() => null)
      : null;
  return ownPlanOwner(actor, org?.code ?? null);
}

/** Bappeda and the admin edit any plan; an OPD only its Renstra and Renja, a desa only its own plans. */
export async function assertMayEdit(
  ctx: AppContext,
  principal: Principal,
  plan: { owner: string | null; source?: string | null },
) {
  // A copy of the province's plan changes only when the copy is taken again (plans.province.ts).
  if (plan.source) throw new AppError('CONFLICT', { issues: [{ field: 'plan', issue: 'plan_copy' }] });
  if (!canEditPlan(principal.actor, plan, await ownerCodeOf(ctx, principal)))
    throw new AppError('OUT_OF_SCOPE');
}

/** Whether the principal may edit the plan (for the page to offer it; every write checks again). */
async function mayEdit(
  ctx: AppContext,
  principal: Principal | undefined,
  plan: { owner: string | null; source?: string | null },
) {
  if (!principal || !can(principal.actor, 'plans.edit')) return false;
  try {
    await assertMayEdit(ctx, principal, plan);
    return true;
  } catch {
    return false;
  }
}

/** Names of plan owners: OPD by organisation code, desa by region code. */
export async function ownerNames(ctx: AppContext, owners: readonly (string | null)[]) {
  const codes = [...new Set(owners.filter((o): o is string => !!o))];
  const orgs = await findOrganisations(ctx);
  const regions = await namesOf(
    ctx,
    codes.filter((c) => /^\d/.test(c)),
  );
  const out = new Map<string, string>();
  for (const c of codes) {
    const org = orgs.find((o) => o.code === c);
    out.set(c, org?.name ?? (regions.has(c) ? `Desa ${regions.get(c)}` : c));
  }
  return out;
}

/** Every plan, from the national level down to the desa, with its owner's name. */
export async function listPlans(ctx: AppContext) {
  const rows = await repo.findPlans(ctx.database.db);
  const names = await ownerNames(
    ctx,
    rows.map((p) => p.owner),
  );
  const rank = (level: string) => planLevels.indexOf(level as PlanLevel);
  return {
    items: rows.sort((a, b) => rank(a.level) - rank(b.level)).map((p) => presentPlanSummary(p, names)),
  };
}

export async function createPlan(
  ctx: AppContext,
  principal: Principal,
  body: {
    kind: string;
    level: PlanLevel;
    name: string;
    startYear: number;
    endYear: number;
    owner?: string | undefined;
  },
) {
  if (body.endYear < body.startYear)
    throw new AppError('VALIDATION', { issues: [{ field: 'body.endYear', issue: 'end_before_start' }] });
  // An OPD or desa creates only its own plans, at its own level; the owner is itself.
  const fixed = planLevelFixedFor(principal.actor);
  let owner = body.owner ?? null;
  if (fixed) {
    if (body.level !== fixed)
      throw new AppError('VALIDATION', {
        issues: [{ field: 'body.level', issue: 'wrong_level', params: { level: fixed } }],
      });
    owner = await ownerCodeOf(ctx, principal);
  }
  return ctx.database.db.transaction(async (tx) => {
    const id = await repo.insertPlan(tx, { ...body, owner });
    await appendAudit(tx, principal, {
      action: 'plan.created',
      entity: 'plan',
      entityId: id,
      after: { name: body.name },
    });
    return { id };
  });
}

/**
 * A plan's nodes as a tree reads (each after its parent, siblings in the order given: the
 * repository's, by position), each with its depth.
 */
export function inTreeOrder<N extends { id: string; parentId: string | null }>(nodes: readonly N[]) {
  const byParent = new Map<string | null, N[]>();
  for (const n of nodes) byParent.set(n.parentId, [...(byParent.get(n.parentId) ?? []), n]);
  const ordered: { node: N; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const node of byParent.get(parent) ?? []) {
      ordered.push({ node, depth });
      walk(node.id, depth + 1);
    }
  };
  walk(null, 0);
  return ordered;
}

export async function getPlan(ctx: AppContext, id: string, principal?: Principal) {
  const p = await mustFindPlan(ctx, id);
  const db = ctx.database.db;
  const nodes = await repo.findNodesOfPlan(db, id);
  const ids = nodes.map((n) => n.id);
  const links = await repo.findLinksOf(db, ids);
  const targets = await repo.findNodeTitles(
    db,
    links.map((l) => l.supportsId),
  );
  const indicators = await repo.findIndicatorsOf(db, ids);
  const series = await seriesFor(ctx, indicators);
  // Proposals are not public (their tracking codes open their whole path): only to those who read proposals.
  const linkedProposals =
    principal && can(principal.actor, 'proposals.read') ? await proposalsLinkedTo(ctx, ids) : [];
  const ordered = inTreeOrder(nodes).map((x) => x.node);
  const names = await ownerNames(ctx, [p.owner]);
  const editable = await mayEdit(ctx, principal, p);
  return presentPlanDetail(
    p,
    names,
    editable,
    ordered.map((n) => ({
      id: n.id,
      parentId: n.parentId,
      position: n.position,
      kind: n.kind,
      code: n.code,
      title: n.title,
      tags: n.tags,
      budget: n.budget,
      supports: links
        .filter((l) => l.nodeId === n.id)
        .map((l) => targets.find((x) => x.id === l.supportsId))
        .filter((x) => x !== undefined),
      indicators: indicators
        .filter((i) => i.nodeId === n.id)
        .map((i) => presentIndicator(i, p.endYear, series)),
      proposals: linkedProposals
        .filter((x) => x.planNodeId === n.id)
        .map(({ id, trackingCode, title, stage, planNodeId }) => ({
          id,
          trackingCode,
          title,
          stage,
          planNodeId,
        })),
    })),
  );
}

/** The history of a plan: every change to it, newest first, with who made it. */
export async function planHistory(ctx: AppContext, planId: string) {
  await mustFindPlan(ctx, planId);
  return { items: await historyOf(ctx, 'plan', planId) };
}

const WORK_PLANS = ['RKPD', 'Renja'];
const WORK_KINDS = ['program', 'kegiatan', 'subkegiatan'];

/**
 * Links a Musrenbang proposal to the RKPD or Renja program, kegiatan or sub-kegiatan that would
 * fund it (or unlinks it). Bappeda any proposal; an OPD the proposals addressed to it.
 */
export async function linkProposal(
  ctx: AppContext,
  principal: Principal,
  proposalId: string,
  nodeId: string | null,
) {
  return setProposalPlanNode(ctx, principal, proposalId, nodeId, async (id) => {
    const node = await repo.findNode(ctx.database.db, id);
    const plan = node ? await repo.findPlan(ctx.database.db, node.planId) : null;
    if (!node || !plan)
      throw new AppError('VALIDATION', { issues: [{ field: 'body.nodeId', issue: 'not_found' }] });
    if (!WORK_KINDS.includes(node.kind) || !WORK_PLANS.includes(plan.kind))
      throw new AppError('VALIDATION', { issues: [{ field: 'body.nodeId', issue: 'plan_not_work' }] });
  });
}

/** The program, kegiatan and sub-kegiatan of RKPD and Renja plans: what a Musrenbang proposal can be funded through. */
export async function workItems(ctx: AppContext) {
  return { items: await repo.findWorkItems(ctx.database.db, WORK_PLANS, WORK_KINDS) };
}

/** The work item a proposal is linked to, for the proposal's page. */
export async function workItemOf(ctx: AppContext, nodeId: string | null) {
  return nodeId ? repo.findWorkItem(ctx.database.db, nodeId) : null;
}
