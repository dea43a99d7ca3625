import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { proposalList } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { get, query } from '../../app/api.ts';
import { formatRupiah } from '../../app/format.ts';
import { useSession } from '../../app/session.ts';
import { stageOrder, stateColour } from './labels.ts';

/** Every proposal of a year, filtered; "to decide" lists what the signed-in office must act on now. */
export default function ProposalsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [year, setYear] = useState<number | ''>(new Date().getFullYear() + 1);
  const [stage, setStage] = useState<string | null>(null);
  const [mine, setMine] = useState(false);
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['proposals', year, stage, mine, q],
    queryFn: () =>
      get<z.infer<typeof proposalList>>(
        `/api/proposals${query({ year: year || undefined, stage, mine: mine ? '1' : undefined, q: q.trim() || undefined })}`,
      ),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('musrenbang.title')}</Title>
        {can('proposals.create') && (
          <Button component={Link} to="/usulan/baru" data-testid="new-proposal">
            {t('musrenbang.new')}
          </Button>
        )}
      </Group>
      <Group align="end">
        <NumberInput
          label={t('musrenbang.planYear')}
          value={year}
          onChange={(v) => setYear(typeof v === 'number' ? v : '')}
          w={120}
        />
        <Select
          label={t('musrenbang.stage')}
          clearable
          data={stageOrder.map((s) => ({ value: s, label: t(`musrenbang.stages.${s}`) }))}
          value={stage}
          onChange={setStage}
          w={200}
        />
        <TextInput
          label={t('musrenbang.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={220}
        />
        <Switch
          label={t('musrenbang.mine')}
          checked={mine}
          onChange={(e) => setMine(e.currentTarget.checked)}
          data-testid="mine"
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('musrenbang.count', { count: list.data?.total ?? 0 })}
      </Text>
      <Card withBorder p={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table fz="sm" striped highlightOnHover data-testid="proposals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('musrenbang.trackingCode')}</Table.Th>
                <Table.Th>{t('musrenbang.proposalTitle')}</Table.Th>
                <Table.Th>{t('musrenbang.location')}</Table.Th>
                <Table.Th>{t('musrenbang.track')}</Table.Th>
                <Table.Th>{t('musrenbang.stage')}</Table.Th>
                <Table.Th ta="right">{t('musrenbang.cost')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <code>{p.trackingCode}</code>
                  </Table.Td>
                  <Table.Td>
                    <Link to={`/usulan/${p.id}`}>{p.title}</Link>
                    {p.duplicateOf.length > 0 && (
                      <Badge
                        ml="xs"
                        size="xs"
                        color="orange"
                        variant="light"
                        title={p.duplicateOf.map((d) => d.title).join('; ')}
                      >
                        {t('musrenbang.maybeDuplicate')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {p.regionName}
                    {p.rt && ` RT ${p.rt}`}
                    {p.rw && `/RW ${p.rw}`}
                  </Table.Td>
                  <Table.Td>{t(`musrenbang.tracks.${p.track}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={stateColour[p.state]} variant="light">
                      {p.state === 'aktif'
                        ? t(`musrenbang.stages.${p.stage}`)
                        : t(`musrenbang.states.${p.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatRupiah(p.estimatedCost)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
