import type { ProjectItem, ProjectSummary } from '@sinergi/contracts';
import { groupBy, rollUp } from '@sinergi/core';

/** The dashboard's figures over the whole portfolio, worked out here so the list can come a page at a time. */
const STATUSES = ['sesuai', 'terlambat', 'kritis', 'selesai', 'belum_mulai'] as const;

/** Late or critical: what the at-risk card and map show. */
const atRisk = (p: ProjectItem) => p.status === 'terlambat' || p.status === 'kritis';

/** The worst projects named per agency on the at-risk card. */
const WORST_PER_OPD = 6;

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function summarise(items: readonly ProjectItem[]): ProjectSummary {
  const statuses = Object.fromEntries(STATUSES.map((s) => [s, 0])) as ProjectSummary['statuses'];
  for (const p of items) statuses[p.status] += 1;

  const byOpd = [...groupBy(items, (p) => p.organisation)]
    .sort(([a], [b]) => byName(a, b))
    .map(([organisation, list]) => ({
      organisation,
      organisationId: list[0]!.organisationId,
      projects: list.length,
      value: list.reduce((s, p) => s + p.contractValue, 0),
      spent: list.reduce((s, p) => s + p.spent, 0),
      atRisk: list.filter(atRisk).length,
    }));

  const planned = new Map<string, number>();
  for (const p of items)
    for (const f of p.funding) planned.set(f.source, (planned.get(f.source) ?? 0) + f.amount);

  const risky = items.filter(atRisk);
  const riskByOpd = [...groupBy(risky, (p) => p.organisation)]
    .sort(([a], [b]) => byName(a, b))
    .map(([organisation, list]) => ({
      organisation,
      worst: [...list]
        .sort((a, b) => a.deviation - b.deviation)
        .slice(0, WORST_PER_OPD)
        .map((p) => ({ id: p.id, name: p.name, status: p.status, deviation: p.deviation })),
    }));
  const byKecamatan = [...groupBy(risky, (p) => p.kecamatan)]
    .sort(([a], [b]) => byName(a, b))
    .map(([kecamatan, list]) => ({ kecamatan, projects: list.length }));

  const groups = [
    ...groupBy(
      items.filter((p) => p.groupCode),
      (p) => p.groupCode!,
    ),
  ].map(([code, list]) => ({
    code,
    name: list[0]!.groupName ?? code,
    projects: list.length,
    planned: rollUp(list.map((p) => ({ weight: p.contractValue, physical: p.plannedPhysical }))),
    actual: rollUp(list.map((p) => ({ weight: p.contractValue, physical: p.physical }))),
  }));

  return {
    statuses,
    byOpd,
    bySource: [...planned].map(([source, amount]) => ({ source, planned: amount })),
    atRisk: { total: risky.length, byOpd: riskByOpd, byKecamatan },
    groups,
  };
}
