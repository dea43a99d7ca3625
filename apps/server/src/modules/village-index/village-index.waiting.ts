import { idm2016, type WaitingGroup } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { WAITING_LIMIT } from '../module.ts';
import { namesOf } from '../regions/regions.service.ts';
import * as repo from './village-index.repository.ts';

/**
 * What waits in the village index sign-off: for a desa, its entry of the year after its last
 * approved one (as its form has it) while nothing is submitted, or back in draft with the reason to
 * read; for a kecamatan, the entries of its desa to verify; for Bappeda, the verified ones to approve
 * (of any year).
 */
export async function waitingInVillageIndex(ctx: AppContext, principal: Principal): Promise<WaitingGroup[]> {
  const actor = principal.actor;
  const db = ctx.database.db;
  const schemeId = idm2016.id;
  if (actor.role === 'desa' && actor.regionCode) {
    const own = actor.regionCode;
    const approved = await repo.findApprovedResultsOfDesa(db, schemeId, own);
    const year = (approved.at(-1)?.year ?? ctx.clock().getFullYear() - 1) + 1;
    const rows = await repo.findEntriesInState(db, {
      schemeId,
      within: own,
      states: ['draft', 'submitted', 'verified'],
    });
    const row = rows.find((r) => r.regionCode === own && r.year === year);
    const link = `/indeks-desa/${own}`;
    const item = { key: `${own}:${year}`, title: `IDM ${year}`, link };
    if (row?.state === 'draft' && row.returnNote)
      return [
        {
          kind: 'index.returned',
          link,
          total: 1,
          items: [{ ...item, title: `IDM ${year}: ${row.returnNote}` }],
        },
      ];
    if (!row || row.state === 'draft') return [{ kind: 'index.enter', link, total: 1, items: [item] }];
    return [];
  }
  const step =
    actor.role === 'kecamatan'
      ? { kind: 'index.verify' as const, state: 'submitted', within: actor.regionCode }
      : actor.role === 'perencana'
        ? { kind: 'index.approve' as const, state: 'verified', within: ctx.config.activeKabupaten }
        : null;
  if (!step?.within) return [];
  const rows = await repo.findEntriesInState(db, { schemeId, within: step.within, states: [step.state] });
  if (!rows.length) return [];
  const shown = rows.slice(0, WAITING_LIMIT);
  const names = await namesOf(
    ctx,
    shown.map((r) => r.regionCode),
  );
  const linkOf = (year: number) => `/indeks-desa/verifikasi?tahun=${year}`;
  return [
    {
      kind: step.kind,
      link: linkOf(rows[0]!.year),
      total: rows.length,
      items: shown.map((r) => ({
        key: `${r.regionCode}:${r.year}`,
        title: `${names.get(r.regionCode) ?? r.regionCode}, IDM ${r.year}`,
        link: linkOf(r.year),
      })),
    },
  ];
}
