import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeIndex, idm2016, indicatorsOf, statusOf } from '@sinergi/core';
import { parse } from 'csv-parse/sync';
import type { AppContext } from '../../context.ts';
import { systemPrincipal } from '../../context.ts';
import { appendAuditInBulk } from '../audit/audit.repository.ts';
import * as repo from './village-index.repository.ts';

const dir = fileURLToPath(new URL('../../../../../reference-data/idm/', import.meta.url));

/**
 * The official IDM of Kab. Blitar's 220 desa (Kemendesa PDTT, see reference-data/README.md):
 * 2023 composites, and 2024 computed from the 50 indicator scores (the golden test shows they
 * equal the official composites). Loaded once, as approved official results.
 */
export async function seedOfficialIdm(ctx: AppContext): Promise<number> {
  if (ctx.config.activeKabupaten !== '35.05') return 0;
  if ((await repo.countResults(ctx.database.db, idm2016.id)) > 0) return 0;
  const composites = parse(readFileSync(`${dir}idm_kab_blitar_2023_2024.csv`), { columns: true }) as Record<
    string,
    string
  >[];
  const indicators = parse(readFileSync(`${dir}idm2024_indikator_kab_blitar.csv`), {
    columns: true,
  }) as Record<string, string>[];
  const codes = indicatorsOf(idm2016).map((i) => i.code);
  const rows: repo.NewResult[] = composites.map((r) => {
    const value = Number(r.idm_2023);
    return {
      schemeId: idm2016.id,
      year: 2023,
      regionCode: r.kode_desa!,
      state: 'approved',
      source: 'official',
      scores: null,
      dimensions: { IKS: Number(r.iks_2023), IKE: Number(r.ike_2023), IKL: Number(r.ikl_2023) },
      value,
      status: statusOf(idm2016, value).code,
    };
  });
  for (const r of indicators) {
    const scores = Object.fromEntries(codes.map((c) => [c, Number(r[c])]));
    const result = computeIndex(idm2016, scores);
    rows.push({
      schemeId: idm2016.id,
      year: 2024,
      regionCode: r.kode_desa!,
      state: 'approved',
      source: 'official',
      scores,
      dimensions: Object.fromEntries(result.dimensions.map((d) => [d.code, d.value])),
      value: result.value,
      status: result.status.code,
    });
  }
  // Demo mode: two SAMPLE entries of 2025 on their way through the sign-off (source "contoh", the
  // 2024 scores carried over), so the kecamatan and Bappeda homes have an entry waiting for them.
  const samples =
    ctx.config.mode === 'demo'
      ? (
          [
            ['35.05.01.2002', 'submitted'],
            ['35.05.02.2001', 'verified'],
          ] as const
        ).flatMap(([code, state]) => {
          const last = rows.find((r) => r.year === 2024 && r.regionCode === code);
          return last ? [{ ...last, year: 2025, state, source: 'contoh' }] : [];
        })
      : [];
  await ctx.database.bulk(async (tx) => {
    await repo.copyResults(tx, [...rows, ...samples]);
    await appendAuditInBulk(tx, systemPrincipal, {
      action: 'village_index.official_loaded',
      entity: 'village_index',
      entityId: `${idm2016.id}:2023-2024`,
      after: { desa: composites.length, years: [2023, 2024], source: 'reference-data/idm' },
    });
  });
  return rows.length;
}
