import type { id } from './i18n.ts';

/** The English texts, with the keys of the Bahasa Indonesia ones; loaded when English is chosen. */
export const en: typeof id = {
  regions: {
    title: 'Regions',
    search: 'Search a village, kecamatan, kabupaten or code…',
    noResults: 'No matching region.',
    code: 'Code',
    level: 'Level',
    kind: 'Kind',
    children: 'Regions below',
    counts: '{{kecamatan}} kecamatan · {{desa}} desa · {{kelurahan}} kelurahan',
    map: 'Map',
    mapHint: 'Click a kecamatan to see its villages; click a village to open it.',
    backToKabupaten: 'Back to the whole kabupaten',
    edition: 'Code source: {{edition}}',
    noMap: 'No boundaries are available for this region yet.',
    loading: 'Loading the map…',
    notReady: 'The region list is not loaded yet. See its progress under Background jobs.',
    levels: {
      provinsi: 'Province',
      kabupaten: 'Regency/city',
      kecamatan: 'District (kecamatan)',
      desa: 'Village (desa/kelurahan)',
    },
    kinds: {
      desa: 'Desa',
      kelurahan: 'Kelurahan',
      desa_adat: 'Customary desa',
      kabupaten: 'Regency',
      kota: 'City',
    },
    provinces: 'Provinces of Indonesia',
    childCountLabel: 'Villages',
    scorecard: 'Village index scorecard →',
    kindScale: '1 = desa, 2 = kelurahan',
  },
};
