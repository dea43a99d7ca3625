import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { kbliDivisions } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useNavigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useBoundaries } from '../regions/api.ts';
import { useIndustries } from './api.ts';
import { IndustryForm } from './IndustryForm.tsx';

export const divisionName = (division: string, lang: string) =>
  kbliDivisions[division]?.[lang === 'en' ? 1 : 0] ?? division;
const decimal = (x: number | null, digits = 1) => (x === null ? '–' : formatNumber(x, digits));

export { decimal };

/** The registry: filters by kecamatan and KBLI division, each business's latest report, and registering one. */
export default function IndustryPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const [filter, setFilter] = useState({ kecamatan: '', division: '' });
  const [adding, setAdding] = useState(false);
  const list = useIndustries(filter);
  const kec = useBoundaries('kecamatan');
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('industry.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('industry.intro')}
      </Text>
      <Group>
        <Anchor component={Link} to="/industri/analisis">
          {t('industry.analysis')}
        </Anchor>
        <Anchor component={Link} to="/industri/pelatihan">
          {t('industry.trainings')}
        </Anchor>
        <Anchor component={Link} to="/sentra-ikm">
          {t('industry.sentraTitle')}
        </Anchor>
      </Group>
      {can('industry.manage') &&
        (adding ? (
          <IndustryForm onDone={(id) => navigate(`/industri/${id}`)} />
        ) : (
          <Group>
            <Button variant="light" onClick={() => setAdding(true)} data-testid="industry-new">
              {t('industry.new')}
            </Button>
          </Group>
        ))}
      <Group wrap="wrap">
        <Select
          label={t('industry.filterKecamatan')}
          data={[
            { value: '', label: t('industry.all') },
            ...(kec.data?.features ?? [])
              .map((f) => ({ value: f.properties.code, label: f.properties.name }))
              .sort((a, b) => a.label.localeCompare(b.label)),
          ]}
          value={filter.kecamatan}
          onChange={(v) => setFilter({ ...filter, kecamatan: v ?? '' })}
          searchable
          data-testid="industry-filter-kecamatan"
        />
        <Select
          label={t('industry.filterDivision')}
          data={[
            { value: '', label: t('industry.all') },
            ...Object.keys(kbliDivisions).map((d) => ({
              value: d,
              label: `${d} ${divisionName(d, i18n.language)}`,
            })),
          ]}
          value={filter.division}
          onChange={(v) => setFilter({ ...filter, division: v ?? '' })}
          searchable
          w={320}
        />
      </Group>
      {list.data ? (
        list.data.items.length ? (
          <>
            <Text size="sm">{t('industry.count', { count: list.data.items.length })}</Text>
            <Table.ScrollContainer minWidth={760}>
              <Table striped data-testid="industry-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('industry.name')}</Table.Th>
                    <Table.Th>{t('industry.place')}</Table.Th>
                    <Table.Th ta="right">{t('industry.workforce')}</Table.Th>
                    <Table.Th ta="right">{t('industry.output')}</Table.Th>
                    <Table.Th ta="right">{t('industry.emissions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/industri/${b.id}`} size="sm">
                          {b.name}
                        </Anchor>{' '}
                        {b.sample && (
                          <Badge size="xs" color="orange" variant="light">
                            {t('industry.sample')}
                          </Badge>
                        )}
                        <Text size="xs" c="dimmed">
                          {b.kbli} {divisionName(b.kbli.slice(0, 2), i18n.language)}
                          {b.certificates.map((c) => ` · ${vocab('industry.certificateKinds', c)}`).join('')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {b.desa}, {b.kecamatan}
                        </Text>
                        {b.sentra && (
                          <Text size="xs" c="dimmed">
                            {b.sentra}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{b.workforce === null ? '–' : formatNumber(b.workforce)}</Table.Td>
                      <Table.Td ta="right">
                        {b.productionValue === null ? '–' : formatRupiah(b.productionValue)}
                        {b.latestYear && (
                          <Text size="xs" c="dimmed">
                            {b.latestYear}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{decimal(b.emissions, 2)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ) : (
          <Text c="dimmed">{t('industry.none')}</Text>
        )
      ) : (
        <QueryState query={list} queryKey={['industry']} />
      )}
    </Stack>
  );
}
