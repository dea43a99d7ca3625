import { AppError } from '@sinergi/core';
import type { AppContext, LinkedGovernment, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { kabupatenName } from '../regions/regions.service.ts';
import { presentPlanSummary } from './plans.presenter.ts';
import * as copies from './plans.province.repository.ts';
import { asProvince, belowProvince, PROVINCE, readKabupaten } from './plans.province-read.ts';
import * as repo from './plans.repository.ts';
import { getPlan } from './plans.service.ts';

/**
 * A province and its kabupaten/kota in one installation (issue 22, part 2; UU 25/2004 art. 5 and
 * Permendagri 86/2017: a kabupaten's RPJMD refers to its province's RPJMD). The province's Bappeda
 * reads each kabupaten's own plans and runs on them the analyses a kabupaten runs on its desa:
 * province targets nobody serves, kabupaten work serving no province target, the money per
 * province target, each kabupaten's alignment, and targets that cannot add up. A kabupaten takes a
 * copy of the province's RPJMD and Renstra to link its own RPJMD to. Every read goes through the
 * other government's own connections (AppContext.installation); nothing is written across.
 */
const COPY = 'provinsi';

function theProvince(ctx: AppContext): LinkedGovernment {
  const province = ctx.installation.province;
  if (!province) throw new AppError('NOT_FOUND', { details: { what: 'provinsi' } });
  return province;
}

/** What this government sees of its province or of its kabupaten. */
export async function overview(ctx: AppContext) {
  const { province, kabupaten } = ctx.installation;
  const taken = await copies.countCopies(ctx.database.db, COPY);
  const government = async (g: LinkedGovernment) => ({ code: g.code, name: await kabupatenName(g.ctx) });
  const members = await readKabupaten(ctx, kabupaten);
  return {
    scope: kabupaten.length
      ? ('provinsi' as const)
      : province
        ? ('kabupaten' as const)
        : ('sendiri' as const),
    province: kabupaten.length
      ? { code: ctx.config.activeKabupaten, name: await kabupatenName(ctx) }
      : province && (await government(province)),
    kabupaten: members.read.map(({ member, government: { plans, names, kabupaten: read } }) => ({
      code: member.code,
      name: read!.name,
      plans: plans.map((p) => presentPlanSummary(p, names)),
    })),
    unreachable: members.unreachable,
    copies: { plans: taken.plans, takenAt: taken.takenAt?.toISOString() ?? null },
  };
}

/** One of the province's kabupaten's own plans, read only. */
export async function kabupatenPlan(ctx: AppContext, code: string, id: string) {
  const member = asProvince(ctx).find((g) => g.code === code);
  if (!member) throw new AppError('NOT_FOUND', { details: { what: code } });
  const plan = await getPlan(member.ctx, id);
  if (plan.source || !belowProvince(plan.level)) throw new AppError('NOT_FOUND', { details: { what: id } });
  return { ...plan, mayEdit: false, abilities: { edit: false } };
}

/**
 * A kabupaten takes the province's own RPJMD, Renstra and other province-level plans (not the
 * kabupaten plans, nor copies) as read-only copies with the same ids, replacing an earlier copy.
 */
export async function pullFromProvince(ctx: AppContext, principal: Principal) {
  const province = theProvince(ctx);
  const { allPlans, nodes } = await repo.findAllPlansNodesLinks(province.ctx.database.db);
  const taken = allPlans.filter((p) => !p.source && p.level === PROVINCE);
  const ids = new Set(taken.map((p) => p.id));
  const planRows = taken.map(({ id, kind, level, name, startYear, endYear, owner, sample }) => ({
    id,
    kind,
    level,
    name,
    startYear,
    endYear,
    owner,
    sample,
  }));
  const nodeRows = nodes
    .filter((n) => ids.has(n.planId))
    .map(({ id, planId, parentId, kind, code, title, tags, budget, position }) => ({
      id,
      planId,
      parentId,
      kind,
      code,
      title,
      tags,
      budget,
      position,
    }));
  return ctx.database.db.transaction(async (tx) => {
    const done = await copies.replaceCopies(tx, COPY, planRows, nodeRows, ctx.clock());
    const result = { plans: planRows.length, nodes: nodeRows.length, ...done };
    await appendAudit(tx, principal, {
      action: 'plan.province_taken',
      entity: 'plan',
      entityId: province.code,
      after: result,
    });
    return result;
  });
}
