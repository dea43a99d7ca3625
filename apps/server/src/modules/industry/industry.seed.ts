import { pdrbCategories, pdrbSeriesName, seededRandom } from '@sinergi/core';
import type { AppContext } from '../../context.ts';
import { blitarDesa } from '../../seed/desa-list.ts';
import { recordSeries } from '../plans/plans.facade.ts';
import * as repo from './industry.repository.ts';
import { publishYear } from './industry.service.ts';

/**
 * Demo mode only: a SAMPLE industry registry over the real desa of Kabupaten Blitar, made up from
 * a fixed seed: businesses of the kinds found there (gula kelapa, makanan ringan, anyaman bambu,
 * furnitur, batu bata, konveksi), three years of reports, six sentra and one green-industry
 * training whose participants cut their energy and waste, so the evaluation has an effect to find.
 * Every row carries `sample = true` and its name ends in "(contoh)"; the PDRB series written here
 * name "contoh" in their source. None of it is a real business or a BPS figure.
 */
const kinds = [
  { kbli: '10722', product: 'Gula kelapa', scale: 'kecil', output: 0.6e9, kwh: 4_000, biomassa: 40 },
  { kbli: '10794', product: 'Makanan ringan', scale: 'kecil', output: 0.4e9, kwh: 6_000, lpg: 1_500 },
  { kbli: '10710', product: 'Roti dan kue', scale: 'kecil', output: 0.5e9, kwh: 9_000, lpg: 2_400 },
  { kbli: '10763', product: 'Kopi bubuk', scale: 'kecil', output: 0.8e9, kwh: 12_000, lpg: 1_200 },
  { kbli: '16293', product: 'Anyaman bambu', scale: 'kecil', output: 0.2e9, kwh: 1_500 },
  { kbli: '31001', product: 'Furnitur kayu', scale: 'menengah', output: 2.5e9, kwh: 60_000, solar: 2_000 },
  { kbli: '23921', product: 'Batu bata', scale: 'kecil', output: 0.3e9, kwh: 500, biomassa: 120 },
  { kbli: '14111', product: 'Konveksi', scale: 'menengah', output: 1.8e9, kwh: 45_000 },
  { kbli: '10130', product: 'Olahan daging', scale: 'menengah', output: 3e9, kwh: 90_000, solar: 4_000 },
] as const;

export async function seedSampleIndustry(ctx: AppContext) {
  if (ctx.config.mode !== 'demo' || ctx.config.activeKabupaten !== '35.05') return 0;
  const { db } = ctx.database;
  if (await repo.countIndustries(db)) return 0;
  const r = seededRandom(20261204);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const desa = blitarDesa();
  const lastYear = ctx.clock().getFullYear() - 1;
  const years = [lastYear - 2, lastYear - 1, lastYear];
  return db.transaction(async (tx) => {
    const sentra = await repo.insertSentra(
      tx,
      kinds.slice(0, 6).map((k, i) => {
        const d = desa[(i * 37 + 11) % desa.length]!;
        return {
          name: `Sentra ${k.product} ${d.nama} (contoh)`,
          product: k.product,
          desaCode: d.kode,
          sample: true,
        };
      }),
    );
    const businesses: (repo.NewIndustry & { id: string; kind: (typeof kinds)[number] })[] = [];
    for (let i = 0; i < 90; i++) {
      const kind = pick(kinds);
      const home = sentra.find((s) => s.product === kind.product);
      const inSentra = home && r() < 0.6;
      const d = inSentra ? desa.find((x) => x.kode === home.desaCode)! : pick(desa);
      businesses.push({
        id: crypto.randomUUID(),
        kind,
        name: `UD ${kind.product} ${d.nama} ${i + 1} (contoh)`,
        kbli: kind.kbli,
        scale: kind.scale,
        desaCode: d.kode,
        sentraId: inSentra ? home.id : null,
        product: kind.product,
        envPermit: kind.scale === 'menengah' ? 'ukl_upl' : r() < 0.5 ? 'sppl' : '',
        envPermitNumber: '',
        certificates: [
          ...(r() < 0.35
            ? [{ kind: 'halal' as const, number: `ID35110000${i}0001 (contoh)`, validUntil: null }]
            : []),
          ...(kind.scale === 'menengah' && r() < 0.3
            ? [{ kind: 'sni' as const, number: `SNI-${i} (contoh)`, validUntil: null }]
            : []),
        ],
        sample: true,
      });
    }
    await repo.insertIndustries(
      tx,
      businesses.map(({ kind: _, ...b }) => b),
    );
    // The training: food businesses trained in the middle year.
    const trained = businesses.filter((b) => b.kbli.startsWith('10')).slice(0, 14);
    const trainedIds = new Set(trained.map((b) => b.id));
    const reports: repo.NewReport[] = [];
    for (const b of businesses) {
      const k = b.kind;
      let size = 0.6 + r() * 0.9;
      for (const year of years) {
        size *= 1.02 + r() * 0.08;
        const after = trainedIds.has(b.id) && year > years[1]!;
        const saving = after ? 0.8 + r() * 0.08 : 0.97 + r() * 0.06;
        const fuel = { solar: 0, bensin: 0, lpg: 0, gas: 0, batubara: 0, biomassa: 0 };
        if ('lpg' in k) fuel.lpg = Math.round(k.lpg * size * saving);
        if ('solar' in k) fuel.solar = Math.round(k.solar * size * saving);
        if ('biomassa' in k) fuel.biomassa = Math.round(k.biomassa * size * saving * 10) / 10;
        reports.push({
          industryId: b.id,
          year,
          workforce: Math.max(1, Math.round((k.scale === 'menengah' ? 25 : 5) * size)),
          productionValue: Math.round(k.output * size * (after ? 1.04 : 1)),
          rawMaterials: `${k.product}: bahan baku lokal (contoh)`,
          electricityKwh: Math.round(k.kwh * size * saving),
          fuel,
          waterM3: Math.round(200 * size),
          solidWasteTon: Math.round(2 * size * (after ? 0.75 : 1) * 10) / 10,
          hazardousWasteTon: 0,
          wastewaterM3: k.kbli === '10130' ? Math.round(1_500 * size) : 0,
          wastewaterCodKg: k.kbli === '10130' ? Math.round(4_000 * size) : 0,
          wastewaterTreatment: k.kbli === '10130' ? 'laguna_dalam' : null,
        });
      }
    }
    await repo.insertReports(tx, reports);
    await repo.insertTraining(
      tx,
      {
        title: 'Bimtek industri hijau: efisiensi energi dan pengurangan limbah (contoh)',
        year: years[1]!,
        organiser: 'Dinas Perindustrian dan Perdagangan',
        topic: 'Audit energi sederhana, tungku hemat bahan bakar, pemilahan dan pemanfaatan limbah',
        sample: true,
      },
      [...trainedIds],
    );
    for (const y of years) await publishYear(ctx, tx, y);
    await recordSeries(tx, samplePdrb(years, r), ctx.clock());
    return businesses.length;
  });
}

/** SAMPLE PDRB by lapangan usaha (Rp juta) for the kabupaten and the province; not BPS figures. */
function samplePdrb(years: readonly number[], r: () => number) {
  const kabShares: Record<string, number> = { A: 0.3, C: 0.17, G: 0.16, F: 0.09, O: 0.04, P: 0.05 };
  const provShares: Record<string, number> = { A: 0.11, C: 0.3, G: 0.19, F: 0.09, O: 0.02, P: 0.03 };
  const categories = Object.keys(pdrbCategories);
  const rest = (shares: Record<string, number>) =>
    (1 - Object.values(shares).reduce((s, x) => s + x, 0)) / (categories.length - Object.keys(shares).length);
  const source = 'Angka contoh untuk peragaan (bukan angka BPS)';
  return years.flatMap((year, i) =>
    categories.flatMap((c) =>
      [
        { region: '35.05', total: 40_000_000, shares: kabShares },
        { region: '35', total: 2_900_000_000, shares: provShares },
      ].map(({ region, total, shares }) => ({
        indicator: pdrbSeriesName(c),
        regionCode: region,
        year,
        value: Math.round(total * (1.06 + r() * 0.02) ** i * (shares[c] ?? rest(shares))),
        unit: 'Rp juta',
        source,
      })),
    ),
  );
}
