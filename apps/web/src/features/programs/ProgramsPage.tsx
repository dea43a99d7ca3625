import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { Link, useNavigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { usePrograms } from './api.ts';
import { ProgramForm } from './ProgramForm.tsx';

/** Every program with its reach: participants against the target, and the size of its comparison group. */
export default function ProgramsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = usePrograms();
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('programs.title')}</Title>
      <Text size="sm">{t('programs.help')}</Text>
      {can('programs.manage') && (
        <Group>
          <Button
            variant={creating ? 'default' : 'filled'}
            onClick={() => setCreating((v) => !v)}
            data-testid="program-new"
          >
            {t('programs.new')}
          </Button>
        </Group>
      )}
      {creating && (
        <ProgramForm
          codes={(list.data?.items ?? []).map((p) => p.code)}
          onSaved={(id) => navigate(`/program/${id}`)}
        />
      )}
      <Card withBorder p={0}>
        <Table fz="sm" striped data-testid="programs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('programs.name')}</Table.Th>
              <Table.Th>{t('programs.type')}</Table.Th>
              <Table.Th>{t('programs.opd')}</Table.Th>
              <Table.Th>{t('programs.period')}</Table.Th>
              <Table.Th ta="right">{t('programs.budget')}</Table.Th>
              <Table.Th ta="right">{t('programs.participants')}</Table.Th>
              <Table.Th ta="right">{t('programs.comparison')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Link to={`/program/${p.id}`}>{p.name}</Link>{' '}
                  {p.sample && (
                    <Badge size="xs" color="orange" variant="light">
                      {t('programs.sample')}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {p.code}
                  </Text>
                </Table.Td>
                <Table.Td>{vocab('programs.types', p.type)}</Table.Td>
                <Table.Td>{p.organisation}</Table.Td>
                <Table.Td>
                  {formatDate(p.startDate)} – {formatDate(p.endDate)}
                </Table.Td>
                <Table.Td ta="right">{formatRupiah(p.budget)}</Table.Td>
                <Table.Td ta="right">
                  {formatNumber(p.participants)} / {formatNumber(p.targetBeneficiaries)}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(p.comparison)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
