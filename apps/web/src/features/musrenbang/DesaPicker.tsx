import { Group, Select } from '@mantine/core';
import type { RegionDetail } from '@sinergi/contracts';
import { kecamatanOf } from '@sinergi/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../../app/api.ts';

/** Kecamatan, then desa or kelurahan, of the kabupaten: the location of a proposal. */
export function DesaPicker({
  kabupaten,
  value,
  onChange,
  error,
}: {
  kabupaten: string;
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const kecamatan = value ? kecamatanOf(value) : null;
  const kecList = useQuery({
    queryKey: ['region', kabupaten],
    queryFn: () => get<RegionDetail>(`/api/regions/${kabupaten}`),
  });
  const desaList = useQuery({
    queryKey: ['region', kecamatan],
    queryFn: () => get<RegionDetail>(`/api/regions/${kecamatan}`),
    enabled: !!kecamatan,
  });
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
        value={value && value.split('.').length === 4 && !value.endsWith('.') ? value : null}
        onChange={(code) => onChange(code)}
        error={error}
        data-testid="pick-desa"
      />
    </Group>
  );
}
