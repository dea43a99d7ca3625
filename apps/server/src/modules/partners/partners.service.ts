import type { agreementBody, partnerBody, studyBody } from '@sinergi/contracts';
import { AppError, groupBy, todayIn } from '@sinergi/core';
import type { z } from 'zod';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { unfundedProposals } from '../musrenbang/musrenbang.facade.ts';
import { planItems } from '../plans/plans.facade.ts';
import { fundingOfPartner } from '../projects/projects.facade.ts';
import { namesOf } from '../regions/regions.service.ts';
import { stepsForPartners } from '../village-index/village-index.facade.ts';
import * as repo from './partners.repository.ts';

type Agreement = Awaited<ReturnType<typeof repo.findAgreements>>[number];

const inForce = (a: Pick<Agreement, 'startsOn' | 'endsOn'>, today: string) =>
  a.startsOn <= today && today <= a.endsOn;
const money = (agreements: readonly Agreement[], today: string) =>
  agreements
    .filter((a) => inForce(a, today))
    .flatMap((a) => a.commitments)
    .reduce((sum, c) => sum + (c.kind === 'uang' ? (c.amount ?? 0) : 0), 0);

function summary(p: repo.PartnerRow, agreements: readonly Agreement[], today: string) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind as z.infer<typeof partnerBody>['kind'],
    sector: p.sector,
    website: p.website,
    agreements: agreements.length,
    moneyInForce: money(agreements, today),
    sample: p.sample,
  };
}

export async function listPartners(ctx: AppContext) {
  const today = todayIn(undefined, ctx.clock());
  const partners = await repo.findPartners(ctx.database.db);
  const agreements = groupBy(await repo.findAgreements(ctx.database.db), (a) => a.partnerId);
  return { items: partners.map((p) => summary(p, agreements.get(p.id) ?? [], today)) };
}

export async function getPartner(ctx: AppContext, id: string) {
  const p = await repo.findPartner(ctx.database.db, id);
  if (!p) throw new AppError('NOT_FOUND', { details: { what: id } });
  const today = todayIn(undefined, ctx.clock());
  const agreements = await repo.findAgreements(ctx.database.db, [id]);
  const projects = await fundingOfPartner(ctx, id);
  const onCommitment = groupBy(
    projects.filter((x) => x.commitmentId),
    (x) => x.commitmentId!,
  );
  const sum = (id: string, k: 'amount' | 'spent') =>
    (onCommitment.get(id) ?? []).reduce((s, x) => s + x[k], 0);
  const studies = await repo.findStudies(ctx.database.db, id);
  const items = await planItems(
    ctx,
    studies.flatMap((s) => s.planNodeIds),
  );
  return {
    ...summary(p, agreements, today),
    notes: p.notes,
    projects,
    studies: studies.map((s) => ({
      id: s.id,
      title: s.title,
      year: s.year,
      status: s.status as z.infer<typeof studyBody>['status'],
      summary: s.summary,
      url: s.url,
      informs: s.planNodeIds.flatMap((n) => (items.has(n) ? [items.get(n)!] : [])),
    })),
    agreementList: agreements.map((a) => ({
      id: a.id,
      kind: a.kind as z.infer<typeof agreementBody>['kind'],
      number: a.number,
      title: a.title,
      scope: a.scope,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      inForce: inForce(a, today),
      commitments: a.commitments.map((c) => ({
        id: c.id,
        kind: c.kind as z.infer<typeof agreementBody>['commitments'][number]['kind'],
        description: c.description,
        amount: c.amount,
        drawn: sum(c.id, 'amount'),
        spent: sum(c.id, 'spent'),
      })),
    })),
  };
}

export async function createPartner(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof partnerBody>,
) {
  return ctx.database.db.transaction(async (tx) => {
    const p = await repo.insertPartner(tx, body);
    await appendAudit(tx, principal, {
      action: 'partner.created',
      entity: 'partner',
      entityId: p.id,
      after: { name: p.name, kind: p.kind },
    });
    return { id: p.id };
  });
}

export async function addAgreement(
  ctx: AppContext,
  principal: Principal,
  partnerId: string,
  body: z.infer<typeof agreementBody>,
) {
  if (!(await repo.findPartner(ctx.database.db, partnerId)))
    throw new AppError('NOT_FOUND', { details: { what: partnerId } });
  if (body.endsOn < body.startsOn)
    throw new AppError('VALIDATION', { issues: [{ field: 'body.endsOn', issue: 'window_reversed' }] });
  const money = body.commitments.findIndex((c) => c.kind === 'uang' && !c.amount);
  if (money >= 0)
    throw new AppError('VALIDATION', {
      issues: [{ field: `body.commitments.${money}.amount`, issue: 'required' }],
    });
  const { commitments, ...agreement } = body;
  return ctx.database.db.transaction(async (tx) => {
    const a = await repo.insertAgreement(tx, { ...agreement, partnerId }, commitments);
    await appendAudit(tx, principal, {
      action: 'partner.agreement_added',
      entity: 'partner',
      entityId: partnerId,
      after: { agreement: a.id, kind: a.kind, title: a.title, commitments: commitments.length },
    });
    return { id: a.id };
  });
}

/** The TJSL/CSR forum's catalogue: what the budget could not take, and the village steps given to CSR. */
export async function opportunities(ctx: AppContext) {
  const rows = await unfundedProposals(ctx);
  const kecamatanOf = (code: string) => code.split('.').slice(0, 3).join('.');
  const names = await namesOf(
    ctx,
    rows.flatMap((r) => [r.p.regionCode, kecamatanOf(r.p.regionCode)]),
  );
  return {
    proposals: rows.map(({ p, decision }) => ({
      trackingCode: p.trackingCode,
      title: p.title,
      bidang: p.bidang,
      desa: names.get(p.regionCode) ?? p.regionCode,
      kecamatan: names.get(kecamatanOf(p.regionCode)) ?? '',
      planYear: p.planYear,
      estimatedCost: p.estimatedCost,
      decision: decision?.kind ?? '',
      reason: decision?.reason ?? null,
    })),
    villageSteps: await stepsForPartners(ctx),
  };
}

/** Every commitment with its agreement and partner: the open data of what partners commit. */
export async function commitmentRows(ctx: AppContext) {
  const partners = new Map((await repo.findPartners(ctx.database.db)).map((p) => [p.id, p]));
  return (await repo.findAgreements(ctx.database.db)).flatMap((a) =>
    a.commitments.map((c) => ({ partner: partners.get(a.partnerId)!, agreement: a, commitment: c })),
  );
}

/** Records a study of a research partner, linked to the plan items whose targets it informs. */
export async function addStudy(
  ctx: AppContext,
  principal: Principal,
  partnerId: string,
  body: z.infer<typeof studyBody>,
) {
  if (!(await repo.findPartner(ctx.database.db, partnerId)))
    throw new AppError('NOT_FOUND', { details: { what: partnerId } });
  const items = await planItems(ctx, body.planNodeIds);
  const missing = body.planNodeIds.findIndex((n) => !items.has(n));
  if (missing >= 0)
    throw new AppError('VALIDATION', {
      issues: [{ field: `body.planNodeIds.${missing}`, issue: 'invalid_reference' }],
    });
  return ctx.database.db.transaction(async (tx) => {
    const s = await repo.insertStudy(tx, { ...body, planNodeIds: [...new Set(body.planNodeIds)], partnerId });
    await appendAudit(tx, principal, {
      action: 'partner.study_added',
      entity: 'partner',
      entityId: partnerId,
      after: { study: s.id, title: s.title, informs: s.planNodeIds.length },
    });
    return { id: s.id };
  });
}
