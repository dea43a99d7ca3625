import { Group, Select } from '@mantine/core';
import { kecamatanOf } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useActiveKabupaten } from '../../app/settings.ts';
import { useRegion } from '../regions/api.ts';

/** The desa the picker holds, or null while only a kecamatan is chosen ("35.05.01."). */
export const desaOf = (value: string | null | undefined) =>
  value && value.split('.').length === 4 && !value.endsWith('.') ? value : null;

/** Kecamatan, then desa or kelurahan, of the kabupaten: the location of a proposal. */
export function DesaPicker({
  kabupaten,
  value,
  onChange,
  error,
}: {
  /** The kabupaten whose kecamatan are offered; the installation's own by default. */
  kabupaten?: string;
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const kecamatan = value ? kecamatanOf(value) : null;
  const active = useActiveKabupaten();
  const kecList = useRegion(kabupaten ?? active);
  const desaList = useRegion(kecamatan);
  return (
    <Group grow align="start">
      <Select
        label={t('musrenbang.kecamatan')}
        searchable
        data={(kecList.data?.children ?? []).map((c) => ({ value: c.code, label: c.name }))}
        value={kecamatan}
        onChange={(code) => onChange(code ? `${code}.` : null)}
        data-testid="pick-kecamatan"
      />
      <Select
        label={t('musrenbang.desa')}
        searchable
        required
        disabled={!kecamatan}
        data={(desaList.data?.children ?? []).map((c) => ({ value: c.code, label: c.name }))}
        value={desaOf(value)}
        onChange={(code) => onChange(code)}
        error={error}
        data-testid="pick-desa"
      />
    </Group>
  );
}
