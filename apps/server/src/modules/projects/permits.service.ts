import {
  AppError,
  canManagePermits,
  kecamatanOf,
  kemantapan,
  type RoadCondition,
  todayIn,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { namesOf } from '../regions/regions.service.ts';
import * as repo from './projects.repository.ts';

import { mustFind } from './projects.service.ts';

/** Permits and land (the usual bottleneck of a project), and the condition of the kabupaten's roads. */
export async function savePermit(
  ctx: AppContext,
  principal: Principal,
  projectId: string,
  body: {
    kind: string;
    status: string;
    office: string;
    requestedOn: string | null;
    dueOn: string | null;
    doneOn: string | null;
    note: string;
  },
  permitId?: string,
) {
  const p = await mustFind(ctx, projectId);
  if (!canManagePermits(principal.actor, p)) throw new AppError('OUT_OF_SCOPE');
  return ctx.database.db.transaction(async (tx) => {
    let id = permitId;
    if (id) await repo.updatePermit(tx, id, projectId, { ...body, updatedAt: ctx.clock() });
    else id = await repo.insertPermit(tx, { ...body, projectId });
    await appendAudit(tx, principal, {
      action: 'permit.saved',
      entity: 'project',
      entityId: projectId,
      after: { kind: body.kind, status: body.status },
    });
    return { id };
  });
}

/** Which kinds of permit hold up how many projects and how much money, and for how long. */
export async function bottlenecks(ctx: AppContext) {
  const rows = await repo.findPermitsWithValue(ctx.database.db);
  const today = Date.parse(todayIn(undefined, ctx.clock()));
  const byKind = new Map<string, { projects: Set<string>; money: number; days: number[] }>();
  for (const r of rows) {
    if (r.status === 'selesai') continue;
    const g = byKind.get(r.kind) ?? { projects: new Set(), money: 0, days: [] };
    if (!g.projects.has(r.projectId)) {
      g.projects.add(r.projectId);
      g.money += r.value;
    }
    if (r.requestedOn) g.days.push(Math.round((today - Date.parse(r.requestedOn)) / 86_400_000));
    byKind.set(r.kind, g);
  }
  return {
    items: [...byKind]
      .map(([kind, g]) => ({
        kind,
        projects: g.projects.size,
        money: g.money,
        meanDaysBlocked: g.days.length ? Math.round(g.days.reduce((a, b) => a + b, 0) / g.days.length) : null,
      }))
      .sort((a, b) => b.money - a.money),
  };
}

/** Road length in good or fair condition, by survey year: the kabupaten and each kecamatan. */
export async function roads(ctx: AppContext, year?: number) {
  const { segments: segs, conditions: conds } = await repo.findRoads(ctx.database.db);
  const years = [...new Set(conds.map((c) => c.year))];
  const y = year ?? years.at(-1);
  if (!y) return { year: null, years, total: null, byKecamatan: [] };
  // The condition of a segment in year y is its latest record up to y.
  const latest = new Map<string, { year: number; condition: string }>();
  for (const c of conds)
    if (c.year <= y && (latest.get(c.segmentCode)?.year ?? -1) < c.year)
      latest.set(c.segmentCode, { year: c.year, condition: c.condition });
  const items = segs.flatMap((s) => {
    const c = latest.get(s.code);
    return c
      ? [
          {
            area: kecamatanOf(s.regionCode),
            lengthKm: s.lengthKm,
            condition: c.condition as RoadCondition,
          },
        ]
      : [];
  });
  const k = kemantapan(items);
  const names = await namesOf(
    ctx,
    k.byArea.map((a) => a.area),
  );
  const { byArea, ...total } = k;
  return {
    year: y,
    years,
    total,
    byKecamatan: byArea.map((a) => ({ ...a, name: names.get(a.area) ?? a.area })),
  };
}
