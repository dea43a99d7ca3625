import { planIndicatorBody } from '@sinergi/contracts';
import type { FieldIssue } from '@sinergi/core';
import { readNumber } from '@sinergi/core';
import { tableColumns } from '../../http/table-parse.ts';

export const INDICATORS = 'Indikator';

/** The years of the columns named `prefix_YYYY` in a header. */
export const columnYears = (names: readonly string[], prefix: string) =>
  names.flatMap((n) =>
    n.startsWith(prefix) && /^\d{4}$/.test(n.slice(prefix.length)) ? [n.slice(prefix.length)] : [],
  );

export interface IndicatorRow {
  line: number;
  key: string;
  nodeKey: string;
  body: ReturnType<typeof planIndicatorBody.parse>;
}

/**
 * The "Indikator" sheet of a plan template: one row per indicator, keyed by its id (or the key an
 * earlier import gave it), with the item it measures; every problem is pushed to `issues`.
 */
export function indicatorRowsOf(
  ind: string[][] | undefined,
  knownKey: (key: string) => boolean,
  issues: FieldIssue[],
): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const at = (s: string, line: number, col: string) => `sheet ${s}, line ${line}, column ${col}`;
  if (ind && ind.length > 1) {
    const [header, ...body] = ind;
    const x = tableColumns(
      header,
      ['kunci', 'kunci_butir', 'nama', 'satuan', 'arah', 'tahun_dasar', 'nilai_dasar'],
      `sheet ${INDICATORS}, `,
    );
    for (const [i, cells] of body.entries()) {
      const line = i + 2;
      if (cells.every((c) => c.trim() === '')) continue;
      const c = (name: string) => x.cell(cells, name);
      const nodeKey = c('kunci_butir');
      if (!knownKey(nodeKey))
        issues.push({
          field: at(INDICATORS, line, 'kunci_butir'),
          issue: 'plan_unknown_key',
          params: { value: nodeKey },
        });
      const arah = c('arah').toLowerCase();
      if (arah !== 'naik' && arah !== 'turun')
        issues.push({ field: at(INDICATORS, line, 'arah'), issue: 'direction_word' });
      const aditif = c('aditif').toLowerCase();
      if (aditif && aditif !== 'ya' && aditif !== 'tidak')
        issues.push({ field: at(INDICATORS, line, 'aditif'), issue: 'yes_no' });
      const num = (col: string) => {
        const v = c(col);
        if (!v) return undefined;
        const n = readNumber(v) ?? Number.NaN;
        if (Number.isNaN(n)) issues.push({ field: at(INDICATORS, line, col), issue: 'not_a_number' });
        return n;
      };
      const targets: Record<string, number> = {};
      const realisations: Record<string, { value: number; source: string }> = {};
      for (const y of [
        ...new Set([...columnYears(x.names, 'target_'), ...columnYears(x.names, 'realisasi_')]),
      ]) {
        const tv = num(`target_${y}`);
        if (tv !== undefined) targets[y] = tv;
        const rv = num(`realisasi_${y}`);
        if (rv !== undefined) realisations[y] = { value: rv, source: c(`sumber_${y}`) };
      }
      const parsed = planIndicatorBody.safeParse({
        name: c('nama'),
        unit: c('satuan'),
        direction: arah === 'turun' ? 'lower' : 'higher',
        additive: aditif === 'ya',
        baselineYear: num('tahun_dasar'),
        baselineValue: num('nilai_dasar'),
        targets,
        realisations,
        ...(c('seri_statistik') ? { seriesIndicator: c('seri_statistik') } : {}),
      });
      if (!parsed.success) {
        for (const z of parsed.error.issues) {
          const [field, year, sub] = z.path.map(String);
          const col =
            field === 'name'
              ? 'nama'
              : field === 'unit'
                ? 'satuan'
                : field === 'baselineYear'
                  ? 'tahun_dasar'
                  : field === 'baselineValue'
                    ? 'nilai_dasar'
                    : field === 'realisations'
                      ? `${sub === 'source' ? 'sumber' : 'realisasi'}_${year}`
                      : field === 'targets'
                        ? `target_${year}`
                        : (field ?? 'nama');
          issues.push({ field: at(INDICATORS, line, col), issue: z.message });
        }
        continue;
      }
      rows.push({ line, key: c('kunci'), nodeKey, body: parsed.data });
    }
  }
  return rows;
}
