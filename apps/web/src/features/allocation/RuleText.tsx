import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';

/** One rule of a scenario in words ("Kecamatan floor K3", "must fund USL-..."). */
export function ruleText(t: TFunction, r: Record<string, unknown>): string {
  const kind = String(r.kind);
  if (kind === 'requires') return t('allocation.rules.requires', { a: r.a, b: r.b });
  if (kind === 'exclusive') return t('allocation.rules.exclusive', { ids: (r.ids as string[]).join(', ') });
  if (kind === 'mustFund') return t('allocation.rules.mustFund', { id: r.id });
  if (kind === 'yearCeiling') return t('allocation.rules.yearCeiling', { year: r.year });
  return vocab('allocation.rules', kind, { key: r.key ?? '' });
}

export function RuleText({ rule, by }: { rule: Record<string, unknown>; by?: number }) {
  const { t } = useTranslation();
  const money = !['mustFund', 'requires', 'exclusive'].includes(String(rule.kind));
  return (
    <>
      {ruleText(t, rule)}
      {by !== undefined && ` — ${t('allocation.relaxBy', { amount: money ? formatRupiah(by) : String(by) })}`}
    </>
  );
}
