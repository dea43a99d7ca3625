import { idm2016, parentOf, parseRegionCode, type WaitingGroup } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { WAITING_LIMIT } from '../module.ts';
import { namesOf } from '../regions/regions.service.ts';
import * as repo from './village-index.repository.ts';

/**
 * What waits in the village index sign-off of the current year (the IDM of a year is entered in
 * that year): a desa's own entry while it is not entered or is back in draft (returned, with the
 * reason to read), the entries its kecamatan has to verify, the verified ones Bappeda approves.
 */
export async function waitingInVillageIndex(ctx: AppContext, principal: Principal): Promise<WaitingGroup[]> {
  const actor = principal.actor;
  const year = ctx.clock().getFullYear();
  const link = `/indeks-desa/verifikasi?tahun=${year}`;
  const db = ctx.database.db;
  const of = (within: string) => repo.findEntryStates(db, { schemeId: idm2016.id, year, within });
  if (actor.role === 'desa' && actor.regionCode) {
    const own = actor.regionCode;
    const row = (await of(parentOf(parseRegionCode(own))!)).find((r) => r.regionCode === own);
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
  const rows = (await of(step.within)).filter((r) => r.state === step.state);
  if (!rows.length) return [];
  const shown = rows.slice(0, WAITING_LIMIT);
  const names = await namesOf(
    ctx,
    shown.map((r) => r.regionCode),
  );
  return [
    {
      kind: step.kind,
      link,
      total: rows.length,
      items: shown.map((r) => ({
        key: `${r.regionCode}:${year}`,
        title: `${names.get(r.regionCode) ?? r.regionCode}, IDM ${year}`,
        link,
      })),
    },
  ];
}
