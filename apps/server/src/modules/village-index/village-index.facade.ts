import { idm2016, indicatorsOf, parentOf, parseRegionCode } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAuditInBulk } from '../audit/audit.repository.ts';
import { namesOf } from '../regions/regions.service.ts';
import * as repo from './village-index.repository.ts';
import { publishedYears } from './village-index.service.ts';

/** The top score of an IDM indicator (Permendes PDTT 2/2016 scores each indicator 1 to 5). */
const TOP = 5;

/**
 * What other modules may ask of the village index: the steps the scheme gives to CSR/private
 * partners (the scorecard's "CSR/swasta" actor), for each desa below the top score in the latest
 * published year, lowest first: the opportunities a partner can take up (issue 21).
 */
export async function stepsForPartners(ctx: AppContext) {
  const year = (await publishedYears(ctx)).complete.at(-1);
  if (year === undefined) return [];
  const csr = indicatorsOf(idm2016).filter((i) => i.actor === 'csr');
  const rows = await repo.findResultsOfYear(ctx.database.db, {
    schemeId: idm2016.id,
    year,
    within: ctx.config.activeKabupaten,
    approvedOnly: true,
  });
  const steps = rows.flatMap((r) =>
    csr.flatMap((i) => {
      const score = (r.scores as Record<string, number> | null)?.[i.code];
      return score !== undefined && score < TOP
        ? [{ year, code: i.code, indicator: i.name, desaCode: r.regionCode, score }]
        : [];
    }),
  );
  const names = await namesOf(
    ctx,
    steps.flatMap((s) => [s.desaCode, parentOf(parseRegionCode(s.desaCode))!]),
  );
  return steps
    .map((s) => ({
      ...s,
      desa: names.get(s.desaCode) ?? s.desaCode,
      kecamatan: names.get(parentOf(parseRegionCode(s.desaCode))!) ?? '',
    }))
    .sort(
      (a, b) => a.score - b.score || a.code.localeCompare(b.code) || a.desaCode.localeCompare(b.desaCode),
    );
}

/**
 * A government added to the installation gets the official results the first one holds of its
 * desa (Kemendesa's national file imported there), every year, as an import of that file would
 * give it: all in one transaction, audited. Returns how many rows it got.
 */
export async function handOfficialResults(
  from: AppContext,
  to: AppContext,
  principal: Principal,
): Promise<number> {
  const rows = await repo.findOfficialWithin(from.database.db, to.config.activeKabupaten);
  if (rows.length === 0) return 0;
  return to.database.bulk(async (tx) => {
    const changed = await repo.upsertOfficialRows(tx, rows, to.clock());
    await appendAuditInBulk(tx, principal, {
      action: 'village_index.imported',
      entity: 'village_index',
      entityId: `${idm2016.id}:installation`,
      after: { rows: rows.length, changed, file: null, from: from.config.activeKabupaten },
    });
    return rows.length;
  });
}
