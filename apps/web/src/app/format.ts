/** Indonesian formats live in core so the server's PDF reports and the web write them the same way. */
import { formatMonth as monthIn } from '@sinergi/core';
import i18next from 'i18next';

export {
  formatDate,
  formatDateTime,
  formatFileSize,
  formatMoney,
  formatNumber,
  formatRupiah,
} from '@sinergi/core';

/** "2026-11" as "November 2026", in the interface's language. */
export const formatMonth = (month: string) => monthIn(month, i18next.language === 'en' ? 'en' : 'id');

/** Units as the statistics files write them (BPS tables in English), said in the reader's language. */
const unitWords: Record<string, readonly [string, string]> = {
  percent: ['%', '%'],
  'percent (y-on-y)': ['% (yoy)', '% (y-on-y)'],
  persons: ['jiwa', 'persons'],
  'Rp/capita/month': ['Rp/kapita/bulan', 'Rp/capita/month'],
  count: ['', ''],
  index: ['indeks', 'index'],
  km2: ['km²', 'km²'],
};

export function unitText(
  unit: string | null | undefined,
  lang: 'id' | 'en' = i18next.language === 'en' ? 'en' : 'id',
): string {
  if (!unit) return '';
  const i = lang === 'id' ? 0 : 1;
  const known = unitWords[unit];
  if (known) return known[i];
  // "persons (L 633732; P 627967)": the unit with a note.
  const noted = /^(\S+) \((.*)\)$/.exec(unit);
  if (noted && unitWords[noted[1]!]) return `${unitWords[noted[1]!]![i]} (${noted[2]})`;
  return unit;
}
