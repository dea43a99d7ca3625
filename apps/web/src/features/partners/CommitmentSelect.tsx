import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../app/format.ts';
import { usePartner } from './api.ts';

/**
 * The money commitment a CSR line draws on: the partner's agreements in force, each commitment of
 * money with what other projects have not drawn yet, so the office sees the rupiah it is tracing.
 */
export function CommitmentSelect(props: {
  partnerId: string;
  value: string | null;
  onChange(id: string | null): void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const partner = usePartner(props.partnerId);
  const data = (partner.data?.agreementList ?? [])
    .filter((a) => a.inForce)
    .flatMap((a) =>
      a.commitments
        .filter((c) => c.kind === 'uang')
        .map((c) => ({
          value: c.id,
          label: `${a.title}: ${c.description} (${t('partner.remaining', {
            amount: formatRupiah(Math.max(0, (c.amount ?? 0) - c.drawn)),
          })})`,
        })),
    );
  return (
    <Select
      w={260}
      placeholder={t('partner.commitmentUsed')}
      aria-label={t('partner.commitmentUsed')}
      value={props.value}
      onChange={props.onChange}
      data={data}
      clearable
      error={props.error}
      data-testid="funding-commitment"
    />
  );
}
