import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { UmkmItem as Umkm } from '@sinergi/contracts';
import { umkmRecordBody } from '@sinergi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, get } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatNumber, formatRupiah } from '../../app/format.ts';
import { IntegerInput, RupiahInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { programKeys, useUmkm } from './api.ts';

const permitText = (p: Record<string, string | boolean>) =>
  Object.entries(p)
    .filter(([, v]) => v)
    .map(([k]) => k.toUpperCase())
    .join(', ') || '–';

/** Small businesses in the user's area; one opens with its months of revenue and workers. */
export default function UmkmPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['umkm', search],
    queryFn: () =>
      get<{ items: Umkm[]; total: number }>(
        `/api/umkm?limit=100${search ? `&q=${encodeURIComponent(search)}` : ''}`,
      ),
  });
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('umkm.title')}</Title>
      <Text size="sm">{t('umkm.help')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <Group>
          <TextInput
            placeholder={t('registry.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <Text size="sm" c="dimmed">
            {t('umkm.total', { n: formatNumber(list.data?.total ?? 0) })}
          </Text>
        </Group>
      </form>
      {open && <UmkmDetail id={open} />}
      <Card withBorder p={0}>
        <Table fz="sm" striped highlightOnHover data-testid="umkm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('umkm.name')}</Table.Th>
              <Table.Th>{t('umkm.sector')}</Table.Th>
              <Table.Th>{t('umkm.permits')}</Table.Th>
              <Table.Th>{t('umkm.channels')}</Table.Th>
              <Table.Th>{t('umkm.owner')}</Table.Th>
              <Table.Th>{t('umkm.desa')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((u) => (
              <Table.Tr key={u.id} onClick={() => setOpen(u.id)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  {u.name}{' '}
                  {u.sample && (
                    <Badge size="xs" color="orange" variant="light">
                      {t('registry.sample')}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {u.products}
                  </Text>
                </Table.Td>
                <Table.Td>{u.sector}</Table.Td>
                <Table.Td>{permitText(u.permits)}</Table.Td>
                <Table.Td>{u.channels.join(', ')}</Table.Td>
                <Table.Td>{u.owner ?? '•••'}</Table.Td>
                <Table.Td>{u.regionName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

function UmkmDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const d = useUmkm(id);
  const [form, setForm] = useState({
    period: new Date().toISOString().slice(0, 7),
    revenue: '' as number | '',
    workers: 1 as number | '',
  });
  const save = useSubmit(
    () =>
      api(
        'PUT',
        `/api/umkm/${id}/records`,
        checked(umkmRecordBody, {
          period: form.period,
          revenue: form.revenue === '' ? undefined : form.revenue,
          workers: form.workers === '' ? undefined : form.workers,
        }),
      ),
    () => client.invalidateQueries({ queryKey: programKeys.umkm(id) }),
  );
  if (!d.data) return null;
  return (
    <Card withBorder data-testid="umkm-detail">
      <Text fw={600}>{d.data.name}</Text>
      <Table fz="xs" mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('umkm.month')}</Table.Th>
            <Table.Th ta="right">{t('umkm.revenue')}</Table.Th>
            <Table.Th ta="right">{t('umkm.workers')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.data.records.map((r) => (
            <Table.Tr key={r.period}>
              <Table.Td>{r.period}</Table.Td>
              <Table.Td ta="right">{formatRupiah(r.revenue)}</Table.Td>
              <Table.Td ta="right">{formatNumber(r.workers)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {d.data.canRecord && (
        <form noValidate onSubmit={save.submit}>
          <SimpleGrid cols={{ base: 1, sm: 4 }} mt="xs">
            <TextInput
              label={t('umkm.month')}
              value={form.period}
              onChange={(e) => setForm({ ...form, period: e.currentTarget.value })}
              error={save.error?.fieldMessage('period')}
            />
            <RupiahInput
              label={t('umkm.revenue')}
              value={form.revenue}
              onChange={(v) => setForm({ ...form, revenue: v === '' ? '' : Number(v) })}
            />
            <IntegerInput
              label={t('umkm.workers')}
              value={form.workers}
              min={0}
              onChange={(v) => setForm({ ...form, workers: v === '' ? '' : Number(v) })}
            />
            <Group align="end">
              <Button type="submit" loading={save.busy}>
                {t('umkm.record')}
              </Button>
            </Group>
          </SimpleGrid>
          <Problem error={save.error} />
        </form>
      )}
    </Card>
  );
}
