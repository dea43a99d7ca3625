import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { forumBody } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatDate } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { DateField, today, YearInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { Link, useNavigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useActiveKabupaten } from '../../app/settings.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { useForums } from './api.ts';

const defaultCriteria = [
  { code: 'manfaat', label: 'Manfaat bagi warga', weight: 3 },
  { code: 'mendesak', label: 'Tingkat kemendesakan', weight: 2 },
  { code: 'kesiapan', label: 'Kesiapan lahan dan swadaya', weight: 1 },
];

/** The forums of a plan year, and a new one for the signed-in office's level and area. */
export default function ForumsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session, can } = useSession();
  const user = session?.user;
  const [year, setYear] = useState<number | ''>(new Date().getFullYear() + 1);
  const list = useForums(year);
  const kabupaten = useActiveKabupaten();
  const level = user?.role === 'desa' ? 'desa' : user?.role === 'kecamatan' ? 'kecamatan' : 'kabupaten';
  const [form, setForm] = useState({
    title: '',
    heldOn: today(),
    method: 'skor',
  });
  const create = useSubmit(async (confirmed) => {
    const r = await post<{ id: string }>(
      '/api/forums',
      checked(forumBody, {
        confirmWarnings: confirmed || undefined,
        level,
        regionCode: level === 'kabupaten' ? kabupaten : user?.regionCode,
        planYear: year || new Date().getFullYear() + 1,
        heldOn: form.heldOn,
        title: form.title,
        method: form.method,
        criteria: form.method === 'skor' ? defaultCriteria : [],
      }),
    );
    navigate(`/forum/${r.id}`);
  });
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('forum.title')}</Title>
      <YearInput
        label={t('musrenbang.planYear')}
        value={year}
        onChange={(v) => setYear(typeof v === 'number' ? v : '')}
        w={120}
      />
      <Card withBorder p={0}>
        <Table fz="sm" striped data-testid="forums">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('forum.held')}</Table.Th>
              <Table.Th>{t('forum.name')}</Table.Th>
              <Table.Th>{t('forum.level')}</Table.Th>
              <Table.Th>{t('forum.agenda')}</Table.Th>
              <Table.Th>{t('forum.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{formatDate(new Date(`${f.heldOn}T00:00:00+07:00`))}</Table.Td>
                <Table.Td>
                  <Link to={`/forum/${f.id}`}>{f.title}</Link>
                </Table.Td>
                <Table.Td>
                  {vocab('forum.levels', f.level)} {f.regionName}
                </Table.Td>
                <Table.Td>{f.agenda}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={f.state === 'selesai' ? 'teal' : 'blue'}>
                    {vocab('forum.states', f.state)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data?.items.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            {t('forum.none')}
          </Text>
        )}
      </Card>
      {can('forums.manage') && (
        <Card withBorder component="form" noValidate onSubmit={create.submit}>
          <Text fw={600} mb="xs">
            {t('forum.new', { level: vocab('forum.levels', level) })}
          </Text>
          <Group align="end">
            <TextInput
              label={t('forum.name')}
              required
              value={form.title}
              onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
              error={create.error?.fieldMessage('title')}
              w={320}
              data-testid="forum-title"
            />
            <DateField
              label={t('forum.held')}
              value={form.heldOn}
              onChange={(v) => setForm({ ...form, heldOn: v })}
              error={create.error?.fieldMessage('heldOn')}
            />
            <Select
              label={t('forum.method')}
              data={[
                { value: 'skor', label: t('forum.methods.skor') },
                { value: 'suara', label: t('forum.methods.suara') },
              ]}
              value={form.method}
              onChange={(v) => v && setForm({ ...form, method: v })}
              allowDeselect={false}
              w={200}
            />
            <Button type="submit" loading={create.busy} data-testid="forum-create">
              {t('forum.create')}
            </Button>
          </Group>
          <Problem error={create.error} />
        </Card>
      )}
    </Stack>
  );
}
