import compositesCsv from '../../../../reference-data/idm/idm_kab_blitar_2023_2024.csv?raw';
import indicatorsCsv from '../../../../reference-data/idm/idm2024_indikator_kab_blitar.csv?raw';

/** The shipped real data of Kab. Blitar as rows of strings (the files have no quoted fields). */
function rows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const cols = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i]!, v])));
}

export const idm2024Indicators = rows(indicatorsCsv);
export const idmComposites = rows(compositesCsv);
