import compositesCsv from '../../../../reference-data/idm/idm_kab_blitar_2023_2024.csv?raw';
import indicatorsCsv from '../../../../reference-data/idm/idm2024_indikator_kab_blitar.csv?raw';
import { idm2016 } from './schemes/idm-2016.ts';

/** The shipped real data of Kab. Blitar as rows of strings (the files have no quoted fields). */
function rows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const cols = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i]!, v])));
}

export const idm2024Indicators = rows(indicatorsCsv);
export const idmComposites = rows(compositesCsv);

/** A rumusan document in Kemendesa's layout, built from a desa's official 2024 row. */
export function rumusanOf(row: Record<string, string>, withCode = true) {
  const rows: Record<string, unknown>[] = [];
  const subtotal = (label: string, skor: unknown) =>
    rows.push({ NO: null, INDIKATOR: label, SKOR: skor, KETERANGAN: null, KEGIATAN: null, NILAI: null });
  let no = 0;
  for (const d of idm2016.dimensions) {
    for (const ind of d.indicators) {
      no++;
      rows.push({
        NO: no,
        INDIKATOR: ind.name,
        SKOR: Number(row[ind.code]),
        KETERANGAN: '',
        KEGIATAN: Number(row[ind.code]) < 5 ? `Tingkatkan ${ind.name.toLowerCase()}` : '',
        NILAI: 0,
        PUSAT: '',
        PROV: '',
        KAB: '',
        DESA: '',
        CSR: '',
        LAINNYA: '',
      });
    }
    subtotal(`${d.code} 2024`, Number(row[`${d.code.toLowerCase()}_recomputed`]));
  }
  subtotal('IDM 2024', Number(row.idm_recomputed));
  subtotal('STATUS IDM 2024', 'MAJU');
  return {
    status: 200,
    error: false,
    mapData: {
      SUMMARIES: {
        SKOR_SAAT_INI: Number(row.idm_recomputed),
        STATUS: 'MAJU',
        TARGET_STATUS: 'MANDIRI',
        TAHUN: 2024,
      },
      ROW: rows,
      IDENTITAS: [
        { nama_desa: row.nama_desa, ...(withCode ? { kode_desa: row.kode_desa!.replaceAll('.', '') } : {}) },
      ],
    },
  };
}
