import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useParams } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useIndustry } from './api.ts';
import { IndustryForm } from './IndustryForm.tsx';
import { decimal, divisionName } from './IndustryPage.tsx';
import { ReportForm } from './ReportForm.tsx';

/** A business: its registration, its yearly reports with the emissions each implies, and its trainings. */
export default function IndustryDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const client = useQueryClient();
  const q = useIndustry(id);
  const [editing, setEditing] = useState(false);
  if (!q.data) return <QueryState query={q} queryKey={['industry', id]} />;
  const b = q.data;
  const refresh = async () => {
    setEditing(false);
    await client.invalidateQueries({ queryKey: ['industry'] });
  };
  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/industri" size="sm">
        {t('industry.title')}
      </Anchor>
      <Group justify="space-between" wrap="wrap">
        <Title order={2} data-testid="industry-title">
          {b.name}{' '}
          {b.sample && (
            <Badge color="orange" variant="light">
              {t('industry.sample')}
            </Badge>
          )}
        </Title>
        {can('industry.manage') && !editing && (
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('industry.edit')}
          </Button>
        )}
      </Group>
      {editing ? (
        <IndustryForm current={b} onDone={refresh} />
      ) : (
        <Card withBorder>
          <Text size="sm">
            {b.kbli} {divisionName(b.kbli.slice(0, 2), i18n.language)} · {vocab('industry.scales', b.scale)}
            {b.product && ` · ${b.product}`}
          </Text>
          <Text size="sm">
            {b.desa}, {b.kecamatan}
            {b.sentra && ` · ${b.sentra}`}
          </Text>
          <Text size="sm">
            {t('industry.envPermit')}: {vocab('industry.envPermits', b.envPermit || 'none')}{' '}
            {b.envPermitNumber}
          </Text>
          {b.certificateList.length > 0 && (
            <Group gap="xs" mt="xs">
              {b.certificateList.map((c) => (
                <Badge key={`${c.kind}:${c.number}`} variant="light">
                  {vocab('industry.certificateKinds', c.kind)} {c.number}
                </Badge>
              ))}
            </Group>
          )}
        </Card>
      )}
      <Title order={3} size="h4">
        {t('industry.reports')}
      </Title>
      {b.reports.length ? (
        <Table.ScrollContainer minWidth={820}>
          <Table striped data-testid="report-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('industry.year')}</Table.Th>
                <Table.Th ta="right">{t('industry.workforce')}</Table.Th>
                <Table.Th ta="right">{t('industry.output')}</Table.Th>
                <Table.Th ta="right">{t('industry.energyGj')}</Table.Th>
                <Table.Th ta="right">{t('industry.scope1')}</Table.Th>
                <Table.Th ta="right">{t('industry.scope2')}</Table.Th>
                <Table.Th ta="right">{t('industry.wastewater')}</Table.Th>
                <Table.Th ta="right">{t('industry.emissions')}</Table.Th>
                <Table.Th ta="right">{t('industry.intensity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.reports.map((r) => (
                <Table.Tr key={r.year}>
                  <Table.Td>{r.year}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.workforce)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(r.productionValue)}</Table.Td>
                  <Table.Td ta="right">{decimal(r.emissions.energyGj)}</Table.Td>
                  <Table.Td ta="right">{decimal(r.emissions.scope1, 2)}</Table.Td>
                  <Table.Td ta="right">{decimal(r.emissions.scope2, 2)}</Table.Td>
                  <Table.Td ta="right">{decimal(r.emissions.wastewater, 2)}</Table.Td>
                  <Table.Td ta="right" fw={600} data-testid="report-total">
                    {decimal(r.emissions.total, 2)}
                  </Table.Td>
                  <Table.Td ta="right">{decimal(r.emissions.intensity, 2)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text c="dimmed">{t('industry.noReports')}</Text>
      )}
      {b.reports.some((r) => r.emissions.biogenicCo2 > 0) && (
        <Text size="xs" c="dimmed">
          {t('industry.biogenic')}:{' '}
          {b.reports.map((r) => `${r.year} ${decimal(r.emissions.biogenicCo2, 2)}`).join(' · ')}
        </Text>
      )}
      {can('industry.manage') && (
        <ReportForm key={b.reports.length} id={b.id} reports={b.reports} onDone={refresh} />
      )}
      {b.trainings.length > 0 && (
        <>
          <Title order={3} size="h4">
            {t('industry.trainings')}
          </Title>
          {b.trainings.map((tr) => (
            <Anchor key={tr.id} component={Link} to={`/industri/pelatihan/${tr.id}`} size="sm">
              {tr.title} ({tr.year})
            </Anchor>
          ))}
        </>
      )}
    </Stack>
  );
}
