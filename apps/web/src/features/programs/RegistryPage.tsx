import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { PersonView as Person } from '@sinergi/contracts';
import { personBody } from '@sinergi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { EmptyRow } from '../../app/EmptyRow.tsx';
import { FileUpload } from '../../app/FileUpload.tsx';
import { formatDate, formatNumber } from '../../app/format.ts';
import { DateField, YearInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { DesaPicker } from '../musrenbang/DesaPicker.tsx';

/** The registry within the user's area; identities masked unless the role needs them. */
export default function RegistryPage() {
  const { t } = useTranslation();
  const { can, session } = useSession();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const list = useQuery({
    queryKey: ['people', search],
    queryFn: () =>
      get<{ items: Person[]; total: number }>(
        `/api/people?limit=100${search ? `&q=${encodeURIComponent(search)}` : ''}`,
      ),
  });
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('registry.title')}</Title>
      <Text size="sm">{t('registry.help')}</Text>
      {can('registry.write') && <RegisterCard defaultDesa={session?.user?.regionCode ?? null} />}
      {can('registry.import') && <DecileImport />}
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
            {t('registry.total', { n: formatNumber(list.data?.total ?? 0) })}
          </Text>
          <Button
            component="a"
            variant="default"
            size="xs"
            href={`/api/people.xlsx${search ? `?q=${encodeURIComponent(search)}` : ''}`}
          >
            {t('registry.export')}
          </Button>
        </Group>
      </form>
      <Problem error={list.error as never} />
      <Card withBorder p={0}>
        <Table fz="sm" striped data-testid="people">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('registry.name')}</Table.Th>
              <Table.Th>{t('registry.nik')}</Table.Th>
              <Table.Th>{t('registry.sex')}</Table.Th>
              <Table.Th>{t('registry.birthDate')}</Table.Th>
              <Table.Th>{t('registry.desa')}</Table.Th>
              <Table.Th ta="right">{t('registry.decile')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <EmptyRow
              shown={list.data?.items.length === 0}
              columns={6}
              text={t(search ? 'common.noMatch' : 'common.empty')}
            />
            {list.data?.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  {p.name}{' '}
                  {p.sample && (
                    <Badge size="xs" color="orange" variant="light">
                      {t('registry.sample')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ff="monospace">{p.nik}</Table.Td>
                <Table.Td>{p.sex}</Table.Td>
                <Table.Td>{formatDate(p.birthDate)}</Table.Td>
                <Table.Td>{p.regionName}</Table.Td>
                <Table.Td ta="right">{p.welfareDecile ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

function RegisterCard({ defaultDesa }: { defaultDesa: string | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState({ nik: '', kk: '', name: '', sex: 'P', birthDate: '', address: '' });
  const [desa, setDesa] = useState<string | null>(
    defaultDesa && defaultDesa.split('.').length === 4 ? defaultDesa : null,
  );
  const [created, setCreated] = useState(false);
  const save = useSubmit(
    async () => {
      setCreated(false);
      await post('/api/people', checked(personBody, { ...form, regionCode: desa ?? '' }));
      setCreated(true);
      setForm({ nik: '', kk: '', name: '', sex: 'P', birthDate: '', address: '' });
    },
    () => client.invalidateQueries({ queryKey: ['people'] }),
  );
  const digits = (v: string) => v.replace(/\D/g, '').slice(0, 16);
  const f = (name: string) => save.error?.fieldMessage(name);
  return (
    <Card withBorder component="form" noValidate onSubmit={save.submit} data-testid="register-person">
      <Stack gap="xs">
        <Text fw={600}>{t('registry.register')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('registry.nik')}
            value={form.nik}
            onChange={(e) => setForm({ ...form, nik: digits(e.currentTarget.value) })}
            error={f('nik')}
            autoComplete="off"
            data-testid="person-nik"
          />
          <TextInput
            label={t('registry.kk')}
            value={form.kk}
            onChange={(e) => setForm({ ...form, kk: digits(e.currentTarget.value) })}
            error={f('kk')}
            autoComplete="off"
            data-testid="person-kk"
          />
          <TextInput
            label={t('registry.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={f('name')}
            data-testid="person-name"
          />
          <Select
            label={t('registry.sex')}
            value={form.sex}
            onChange={(v) => setForm({ ...form, sex: v ?? 'P' })}
            data={['L', 'P']}
            allowDeselect={false}
          />
          <DateField
            label={t('registry.birthDate')}
            value={form.birthDate}
            onChange={(v) => setForm({ ...form, birthDate: v })}
            error={f('birthDate')}
            data-testid="person-birth"
          />
          <TextInput
            label={t('registry.address')}
            value={form.address}
            onChange={(e) => setForm({ ...form, address: e.currentTarget.value })}
          />
        </SimpleGrid>
        <DesaPicker value={desa} onChange={setDesa} error={f('regionCode')} />
        <Group>
          <Button type="submit" loading={save.busy} data-testid="person-save">
            {t('registry.register')}
          </Button>
          {created && <Text c="teal">✓</Text>}
        </Group>
        <Problem error={save.error} />
      </Stack>
    </Card>
  );
}

function DecileImport() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  return (
    <Card withBorder data-testid="decile-import">
      <Group align="end">
        <YearInput
          label={t('targeting.year')}
          value={year}
          onChange={(v) => setYear(Number(v) || year)}
          w={120}
        />
        <FileUpload<{ matched: number; unmatched: number }>
          url={`/api/deciles?year=${year}`}
          accept=".csv"
          label={t('targeting.importDeciles')}
          describe={(r) =>
            t('targeting.imported', {
              matched: formatNumber(r.matched),
              unmatched: formatNumber(r.unmatched),
            })
          }
          onDone={() => client.invalidateQueries({ queryKey: ['people'] })}
        />
      </Group>
    </Card>
  );
}
