import { describeIssue, fieldLabel, hasFieldLabel } from '@sinergi/contracts';
import { formatNumber } from '../../app/format.ts';

/**
 * What an audit entry changed, as a person reads it: "Tahun rencana: 2027 · Kode lacak: USL-…".
 * Fields are named by their labels; a part the log keeps for machines (an id, a nested object) is
 * left out rather than shown as code, and a confirmed warning reads as its message.
 */
export function describeDetails(
  after: unknown,
  lang: 'id' | 'en',
  /** The name of a background job's kind ("Muat wilayah" for `regions.load`). */
  jobKind: (code: string) => string = (code) => code,
): string {
  if (!after || typeof after !== 'object' || Array.isArray(after)) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(after as Record<string, unknown>)) {
    if (key === 'confirmedWarnings' && Array.isArray(value)) {
      const said = lang === 'id' ? 'Peringatan dikonfirmasi' : 'Confirmed warnings';
      parts.push(`${said}: ${value.map((w) => describeIssue(lang, w)).join('; ')}`);
      continue;
    }
    if (!hasFieldLabel(key) || /Id$|^id$/.test(key)) continue;
    const shown = key === 'kind' && typeof value === 'string' ? jobKind(value) : valueText(value, lang);
    if (shown !== null) parts.push(`${fieldLabel(lang, key)}: ${shown}`);
  }
  return parts.join(' · ');
}

function valueText(value: unknown, lang: 'id' | 'en'): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 1900 && value <= 2200
      ? String(value)
      : formatNumber(value, Number.isInteger(value) ? 0 : 2);
  if (typeof value === 'boolean')
    return value ? (lang === 'id' ? 'ya' : 'yes') : lang === 'id' ? 'tidak' : 'no';
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 80)}…` : value;
  if (Array.isArray(value)) return formatNumber(value.length);
  return null;
}
