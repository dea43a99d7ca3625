/**
 * The situation analysis a Disperindag officer writes from: the registry's output, workforce and
 * emissions by KBLI division and by kecamatan with each one's share and growth, and the structure
 * of the economy from the PDRB series (shares, growth and location quotients against the province)
 * where BPS figures have been entered.
 */

/**
 * The manufacturing divisions of KBLI 2020 (Peraturan BPS No. 2 Tahun 2020, kategori C, golongan
 * pokok 10-33): the first two digits of a business's KBLI code.
 */
export const kbliDivisions: Readonly<Record<string, readonly [id: string, en: string]>> = {
  '10': ['Industri makanan', 'Food products'],
  '11': ['Industri minuman', 'Beverages'],
  '12': ['Industri pengolahan tembakau', 'Tobacco products'],
  '13': ['Industri tekstil', 'Textiles'],
  '14': ['Industri pakaian jadi', 'Wearing apparel'],
  '15': ['Industri kulit, barang dari kulit dan alas kaki', 'Leather and footwear'],
  '16': ['Industri kayu, barang dari kayu, gabus, bambu dan rotan', 'Wood, cork, bamboo and rattan'],
  '17': ['Industri kertas dan barang dari kertas', 'Paper products'],
  '18': ['Industri pencetakan dan reproduksi media rekaman', 'Printing'],
  '19': ['Industri produk dari batu bara dan pengilangan minyak bumi', 'Coke and refined petroleum'],
  '20': ['Industri bahan kimia dan barang dari bahan kimia', 'Chemicals'],
  '21': ['Industri farmasi, produk obat kimia dan obat tradisional', 'Pharmaceuticals'],
  '22': ['Industri karet, barang dari karet dan plastik', 'Rubber and plastics'],
  '23': ['Industri barang galian bukan logam', 'Non-metallic minerals'],
  '24': ['Industri logam dasar', 'Basic metals'],
  '25': ['Industri barang logam, bukan mesin dan peralatannya', 'Fabricated metal products'],
  '26': ['Industri komputer, barang elektronik dan optik', 'Computers, electronics and optics'],
  '27': ['Industri peralatan listrik', 'Electrical equipment'],
  '28': ['Industri mesin dan perlengkapan ytdl', 'Machinery n.e.c.'],
  '29': ['Industri kendaraan bermotor, trailer dan semi trailer', 'Motor vehicles'],
  '30': ['Industri alat angkutan lainnya', 'Other transport equipment'],
  '31': ['Industri furnitur', 'Furniture'],
  '32': ['Industri pengolahan lainnya', 'Other manufacturing'],
  '33': ['Jasa reparasi dan pemasangan mesin dan peralatan', 'Repair and installation of machinery'],
};

export const divisionOf = (kbli: string) => kbli.slice(0, 2);
export const isManufacturingKbli = (kbli: string) =>
  /^\d{5}$/.test(kbli) && divisionOf(kbli) in kbliDivisions;

export interface BusinessYear {
  kbli: string;
  kecamatan: string;
  year: number;
  workforce: number;
  productionValue: number;
  emissions: number;
}

export interface GroupFigures {
  key: string;
  businesses: number;
  workforce: number;
  productionValue: number;
  /** Share of the year's output in the registry (0..1). */
  share: number;
  /** Output growth on the year before, for the businesses reporting both years (null if none). */
  growth: number | null;
  emissions: number;
  /** t CO2e per Rp1 miliar of output. */
  intensity: number | null;
}

/** The registry's figures of one year grouped by a key (division or kecamatan), largest output first. */
export function groupYear(
  rows: readonly (BusinessYear & { business: string })[],
  year: number,
  keyOf: (r: BusinessYear) => string,
): GroupFigures[] {
  const now = rows.filter((r) => r.year === year);
  const before = new Map(rows.filter((r) => r.year === year - 1).map((r) => [r.business, r]));
  const total = now.reduce((s, r) => s + r.productionValue, 0);
  const groups = new Map<string, (BusinessYear & { business: string })[]>();
  for (const r of now) {
    const k = keyOf(r);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups]
    .map(([key, list]) => {
      const output = list.reduce((s, r) => s + r.productionValue, 0);
      const emissions = list.reduce((s, r) => s + r.emissions, 0);
      const both = list.filter((r) => before.has(r.business));
      const was = both.reduce((s, r) => s + before.get(r.business)!.productionValue, 0);
      const is = both.reduce((s, r) => s + r.productionValue, 0);
      return {
        key,
        businesses: list.length,
        workforce: list.reduce((s, r) => s + r.workforce, 0),
        productionValue: output,
        share: total ? output / total : 0,
        growth: was > 0 ? is / was - 1 : null,
        emissions: Math.round(emissions * 1000) / 1000,
        intensity: output > 0 ? Math.round((emissions / (output / 1e9)) * 10_000) / 10_000 : null,
      };
    })
    .sort((a, b) => b.productionValue - a.productionValue || a.key.localeCompare(b.key));
}

/**
 * The lapangan usaha of the PDRB (BPS, 17 categories A-U as published), and the name each one's
 * statistics series takes: `pdrb_adhb_<letter>` in rupiah juta at current prices, for the
 * kabupaten's region code and the province's.
 */
export const pdrbCategories: Readonly<Record<string, readonly [id: string, en: string]>> = {
  A: ['Pertanian, Kehutanan dan Perikanan', 'Agriculture, forestry and fishing'],
  B: ['Pertambangan dan Penggalian', 'Mining and quarrying'],
  C: ['Industri Pengolahan', 'Manufacturing'],
  D: ['Pengadaan Listrik dan Gas', 'Electricity and gas'],
  E: ['Pengadaan Air, Pengelolaan Sampah, Limbah dan Daur Ulang', 'Water supply and waste'],
  F: ['Konstruksi', 'Construction'],
  G: ['Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor', 'Trade and repair'],
  H: ['Transportasi dan Pergudangan', 'Transport and storage'],
  I: ['Penyediaan Akomodasi dan Makan Minum', 'Accommodation and food'],
  J: ['Informasi dan Komunikasi', 'Information and communication'],
  K: ['Jasa Keuangan dan Asuransi', 'Finance and insurance'],
  L: ['Real Estat', 'Real estate'],
  MN: ['Jasa Perusahaan', 'Business services'],
  O: ['Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib', 'Public administration'],
  P: ['Jasa Pendidikan', 'Education'],
  Q: ['Jasa Kesehatan dan Kegiatan Sosial', 'Health and social work'],
  RSTU: ['Jasa Lainnya', 'Other services'],
};
export const pdrbSeriesName = (category: string) => `pdrb_adhb_${category.toLowerCase()}`;

export interface PdrbPoint {
  category: string;
  year: number;
  kabupaten: number | null;
  provinsi: number | null;
}

export interface PdrbStructure {
  category: string;
  year: number;
  value: number;
  share: number;
  growth: number | null;
  /** (sector's share in the kabupaten) / (its share in the province); over 1, a base sector. */
  locationQuotient: number | null;
}

/** Shares, growth and location quotients of each year with a complete kabupaten series. */
export function pdrbStructure(points: readonly PdrbPoint[]): PdrbStructure[] {
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const at = (category: string, year: number) =>
    points.find((p) => p.category === category && p.year === year);
  const out: PdrbStructure[] = [];
  for (const year of years) {
    const list = points.filter((p) => p.year === year && p.kabupaten !== null);
    const kab = list.reduce((s, p) => s + p.kabupaten!, 0);
    const provList = points.filter((p) => p.year === year && p.provinsi !== null);
    const provComplete = provList.length === list.length && list.length > 0;
    const prov = provList.reduce((s, p) => s + p.provinsi!, 0);
    for (const p of list) {
      const prev = at(p.category, year - 1)?.kabupaten ?? null;
      out.push({
        category: p.category,
        year,
        value: p.kabupaten!,
        share: kab ? p.kabupaten! / kab : 0,
        growth: prev ? p.kabupaten! / prev - 1 : null,
        locationQuotient:
          provComplete && p.provinsi && prov && kab ? p.kabupaten! / kab / (p.provinsi / prov) : null,
      });
    }
  }
  return out;
}
