import type { AppContext } from '../../context.ts';
import { sheet, xlsxOfSheets } from '../../reports/xlsx.ts';
import { INDICATORS, REFERENCE, TREE, years } from './plans.file.ts';
import { linkTargets } from './plans.nodes.ts';
import { getPlan } from './plans.service.ts';

/** The plan's XLSX template as written: the tree, the indicators and what the plan may link to. */
/** A plan as its template, with the realisations entered on its indicators (not those drawn from a series). */
export async function exportPlanFile(ctx: AppContext, planId: string) {
  const p = await getPlan(ctx, planId);
  const ownRealisation = (
    i: { ownRealisations: Record<string, { value: number; source: string }> },
    y: string,
  ) => i.ownRealisations[y];
  const ys = years(
    p,
    p.nodes.flatMap((n) => [
      ...Object.keys(n.budget),
      ...n.indicators.flatMap((i) => [...Object.keys(i.targets), ...Object.keys(i.ownRealisations)]),
    ]),
  );
  type Node = (typeof p.nodes)[number];
  type Indicator = Node['indicators'][number];
  const { items: targets } = await linkTargets(ctx, planId);
  const data = await xlsxOfSheets([
    sheet<Node>(
      TREE,
      [
        { header: 'kunci', width: 38, value: (n) => n.id },
        { header: 'induk', width: 38, value: (n) => n.parentId ?? '' },
        { header: 'jenis', width: 12, value: (n) => n.kind },
        { header: 'kode', width: 16, value: (n) => n.code ?? '' },
        { header: 'uraian', width: 50, value: (n) => n.title },
        { header: 'tag', width: 24, value: (n) => n.tags.join('; ') },
        { header: 'mendukung', width: 38, value: (n) => n.supports.map((s) => s.id).join('; ') },
        ...ys.map((y) => ({
          header: `pagu_${y}`,
          width: 16,
          format: '#,##0',
          value: (n: Node) => n.budget[y] ?? null,
        })),
      ],
      p.nodes,
    ),
    sheet<Indicator & { nodeId: string }>(
      INDICATORS,
      [
        { header: 'kunci', width: 38, value: (i) => i.id },
        { header: 'kunci_butir', width: 38, value: (i) => i.nodeId },
        { header: 'nama', width: 40, value: (i) => i.name },
        { header: 'satuan', width: 10, value: (i) => i.unit },
        { header: 'arah', width: 8, value: (i) => (i.direction === 'lower' ? 'turun' : 'naik') },
        { header: 'aditif', width: 8, value: (i) => (i.additive ? 'ya' : 'tidak') },
        { header: 'tahun_dasar', width: 12, value: (i) => i.baselineYear },
        { header: 'nilai_dasar', width: 12, value: (i) => i.baselineValue },
        { header: 'seri_statistik', width: 28, value: (i) => i.seriesIndicator ?? '' },
        ...ys.map((y) => ({
          header: `target_${y}`,
          width: 12,
          value: (i: Indicator) => i.targets[y] ?? null,
        })),
        // Only the realisations entered on the indicator: those of a linked series come from the series.
        ...ys.flatMap((y) => [
          {
            header: `realisasi_${y}`,
            width: 12,
            value: (i: Indicator & { nodeId: string }) => ownRealisation(i, y)?.value ?? null,
          },
          {
            header: `sumber_${y}`,
            width: 20,
            value: (i: Indicator & { nodeId: string }) => ownRealisation(i, y)?.source ?? '',
          },
        ]),
      ],
      p.nodes.flatMap((n) => n.indicators.map((i) => ({ ...i, nodeId: n.id }))),
    ),
    sheet<(typeof targets)[number]>(
      REFERENCE,
      [
        { header: 'kunci', width: 38, value: (h) => h.id },
        { header: 'dokumen', width: 36, value: (h) => h.plan },
        { header: 'jenis', width: 12, value: (h) => h.kind },
        { header: 'uraian', width: 60, value: (h) => h.title },
      ],
      targets,
    ),
  ]);
  return { plan: p, data };
}
