import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const desaFile = fileURLToPath(
  new URL('../../../../reference-data/boundaries/kab-blitar-desa.geojson', import.meta.url),
);

/** The 248 real desa and kelurahan of Kab. Blitar (code, name, kecamatan), for generated sample data. */
export function blitarDesa(): { kode: string; nama: string; kode_kec: string }[] {
  const geo = JSON.parse(readFileSync(desaFile, 'utf8')) as {
    features: { properties: { kode: string; nama: string; kode_kec: string } }[];
  };
  return geo.features.map((f) => f.properties);
}
