/**
 * Writes a national-size file in Kemendesa's composites layout: every desa of the idn-area-data
 * list (about 75,000) with composites drawn from a fixed-seed generator and the status that
 * belongs to the value. Used by the import benchmark; the numbers are synthetic.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { idm2016, statusOf } from '@sinergi/core';

export function nationalCompositesCsv(year: number): { csv: string; rows: number } {
  const require = createRequire(import.meta.url);
  const dir = dirname(
    require.resolve('idn-area-data/package.json', {
      paths: [new URL('../apps/server/', import.meta.url).pathname],
    }),
  );
  const villages = readFileSync(join(dir, 'data/villages.csv'), 'utf8').trim().split('\n').slice(1);
  let seed = 7;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const lines = [
    `KODE_PROV,NAMA_PROVINSI,KODE_KAB,NAMA_KABUPATEN,KODE_KEC,NAMA_KECAMATAN,KODE_DESA,NAMA_DESA,IKS_${year},IKE_${year},IKL_${year},NILAI_IDM_${year},STATUS_IDM_${year}`,
  ];
  for (const line of villages) {
    const code = line.slice(0, line.indexOf(','));
    if (code[9] === '1') continue; // kelurahan are not scored
    const [iks, ike, ikl] = [0.4 + rand() * 0.6, 0.3 + rand() * 0.7, 0.3 + rand() * 0.7].map(
      (v) => Math.round(v * 10_000) / 10_000,
    ) as [number, number, number];
    const idm = Math.round(((iks + ike + ikl) / 3) * 10_000) / 10_000;
    const flat = code.replaceAll('.', '');
    lines.push(
      [
        flat.slice(0, 2),
        'P',
        flat.slice(0, 4),
        'K',
        flat.slice(0, 6),
        'C',
        flat,
        'D',
        iks,
        ike,
        ikl,
        idm,
        statusOf(idm2016, idm).code,
      ].join(','),
    );
  }
  return { csv: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}
