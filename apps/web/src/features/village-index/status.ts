import { formatNumber } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
/** Status colours, lowest to highest, shared by badges, tables and the map. */
export const statusColour: Record<string, string> = {
  'SANGAT TERTINGGAL': 'red',
  TERTINGGAL: 'orange',
  BERKEMBANG: 'yellow',
  MAJU: 'teal',
  MANDIRI: 'green',
};

/** An index score: 0,7312 (one formatter for every score a table shows). */
export const fmt4 = (v: number) => formatNumber(v, 4);

/** The same colours as hex, for charts. */
export const statusHex: Record<string, string> = {
  'SANGAT TERTINGGAL': '#e03131',
  TERTINGGAL: '#f76707',
  BERKEMBANG: '#f59f00',
  MAJU: '#12b886',
  MANDIRI: '#2f9e44',
};

/** "Kabupaten · DINKES, DPKP": the level that acts and the OPD that can, in the user's language. */
export function whoActs(item: { actor: string; organisations: string[] }): string {
  return `${vocab('index.actors', item.actor)}${item.organisations.length ? ` · ${item.organisations.join(', ')}` : ''}`;
}
