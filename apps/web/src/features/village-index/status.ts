/** Status colours, lowest to highest, shared by badges, tables and the map. */
export const statusColour: Record<string, string> = {
  'SANGAT TERTINGGAL': 'red',
  TERTINGGAL: 'orange',
  BERKEMBANG: 'yellow',
  MAJU: 'teal',
  MANDIRI: 'green',
};

export const fmt4 = (v: number) =>
  v.toLocaleString('id-ID', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
