import { Alert, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileUpload } from '../../app/FileUpload.tsx';
import { formatNumber, formatRupiah, unitText } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { RupiahInput } from '../../app/inputs.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useSession } from '../../app/session.ts';
import { KecamatanMapCard } from '../regions/KecamatanMapCard.tsx';
import { programKeys, usePoverty } from './api.ts';

/** A figure of the survey, or a dash where it is not a number (a kecamatan with no one sampled). */
const n2 = (x: number | null, digits = 2) => (x === null ? '–' : formatNumber(x, digits));

/** The published series beside the survey's figures, per kecamatan and on a map. */
export default function PovertyPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const data = usePoverty();
  const d = data.data;
  if (!d) return <QueryState query={data} queryKey={programKeys.poverty()} />;
  const k = d.kabupaten;
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('poverty.title')}</Title>
      <Text size="sm">{t('poverty.help')}</Text>
      {d.survey && k ? (
        <>
          <Text size="sm" fw={600} data-testid="survey-name">
            {t('poverty.survey', {
              name: d.survey.name,
              line: formatRupiah(d.survey.line),
              households: formatNumber(d.survey.households),
            })}
          </Text>
          {d.survey.sample && <Alert color="orange">{t('poverty.sampleSurvey')}</Alert>}
          <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid="poverty-kpis">
            {(
              [
                ['poverty.p0', `${n2(k.p0)} %`],
                ['poverty.p1', n2(k.p1)],
                ['poverty.p2', n2(k.p2)],
                ['poverty.gini', n2(k.gini, 3)],
                ['poverty.bottom40', `${n2(k.bottom40Share)} % (${vocab('poverty.band', k.bottom40Band)})`],
              ] as const
            ).map(([label, value]) => (
              <Card withBorder key={label}>
                <Text size="xs" c="dimmed">
                  {t(label)}
                </Text>
                <Text fw={700} size="lg">
                  {value}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          {d.between && (
            <Text size="sm">
              <b>{t('poverty.between')}:</b> {t('poverty.williamson')} {n2(d.between.williamson, 3)} ·{' '}
              {t('poverty.theil', {
                total: n2(d.between.theil.total, 4),
                between: n2(d.between.theil.between, 4),
                within: n2(d.between.theil.within, 4),
              })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {d.kecamatan && (
              <KecamatanMapCard
                title={t('poverty.map')}
                values={Object.fromEntries(
                  d.kecamatan.flatMap((x) => (x.p0 === null ? [] : [[x.code, Math.round(x.p0 * 100) / 100]])),
                )}
                valueLabel="P0 (%)"
              />
            )}
            <Card withBorder p={0}>
              <Table fz="xs" striped data-testid="poverty-kecamatan">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('poverty.kecamatan')}</Table.Th>
                    <Table.Th ta="right">P0</Table.Th>
                    <Table.Th ta="right">P1</Table.Th>
                    <Table.Th ta="right">P2</Table.Th>
                    <Table.Th ta="right">Gini</Table.Th>
                    <Table.Th ta="right">40 %</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.kecamatan?.map((x) => (
                    <Table.Tr key={x.code}>
                      <Table.Td>{x.name}</Table.Td>
                      <Table.Td ta="right">{n2(x.p0)}</Table.Td>
                      <Table.Td ta="right">{n2(x.p1)}</Table.Td>
                      <Table.Td ta="right">{n2(x.p2)}</Table.Td>
                      <Table.Td ta="right">{n2(x.gini, 3)}</Table.Td>
                      <Table.Td ta="right">{n2(x.bottom40Share)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </SimpleGrid>
        </>
      ) : (
        <Text c="dimmed">{t('poverty.noSurvey')}</Text>
      )}
      {can('survey.import') && <SurveyImport />}
      <Card withBorder p={0}>
        <Text fw={600} p="xs">
          {t('poverty.official')}
        </Text>
        <Table fz="xs" striped data-testid="poverty-official">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('poverty.indicator')}</Table.Th>
              <Table.Th>{t('poverty.period')}</Table.Th>
              <Table.Th ta="right">{t('poverty.value')}</Table.Th>
              <Table.Th>{t('poverty.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.official.map((o) => (
              <Table.Tr key={`${o.indicator}-${o.period}`}>
                <Table.Td>{t(`poverty.indicators.${o.indicator}`, { defaultValue: o.indicator })}</Table.Td>
                <Table.Td>{o.period}</Table.Td>
                <Table.Td ta="right">
                  {formatNumber(o.value, Number.isInteger(o.value) ? 0 : 2)} {unitText(o.unit)}
                </Table.Td>
                <Table.Td>{o.source}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

function SurveyImport() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [line, setLine] = useState<number | ''>('');
  return (
    <Card withBorder>
      <Group align="end">
        <TextInput
          label={t('poverty.surveyName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <RupiahInput
          label={t('poverty.line')}
          value={line}
          onChange={(v) => setLine(v === '' ? '' : Number(v))}
        />
        <FileUpload
          url={`/api/surveys?survey=${encodeURIComponent(name)}&line=${line || 0}`}
          accept=".csv"
          label={t('poverty.import')}
          onDone={() => client.invalidateQueries({ queryKey: programKeys.poverty() })}
        />
      </Group>
    </Card>
  );
}
