import { Badge, Button, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { scenarioBody } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { EmptyRow } from '../../app/EmptyRow.tsx';
import { formatNumber, formatRupiah } from '../../app/format.ts';
import { RupiahInput, YearInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { Link, useNavigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { useScenarios } from './api.ts';

/** Budget scenarios: list, pick two to four to compare, and start a new one with default criteria. */
export default function ScenariosPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const list = useScenarios();
  const [picked, setPicked] = useState<string[]>([]);
  const [form, setForm] = useState({
    name: '',
    planYear: new Date().getFullYear() + 1,
    budget: 1_000_000_000 as number | '',
  });
  const create = useSubmit(async () => {
    const r = await post<{ id: string }>(
      '/api/scenarios',
      checked(scenarioBody, {
        name: form.name,
        planYear: form.planYear,
        budget: form.budget === '' ? undefined : form.budget,
        criteria: [
          { code: 'penerima_manfaat', weight: 3 },
          { code: 'biaya_per_penerima', weight: 2 },
          { code: 'kebutuhan_desa', weight: 2 },
          { code: 'peringkat_forum', weight: 1 },
        ],
      }),
    );
    navigate(`/skenario/${r.id}`);
  });
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('allocation.title')}</Title>
      <Text size="sm">{t('allocation.help')}</Text>
      <Card withBorder p={0}>
        <Table fz="sm" striped data-testid="scenarios">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('allocation.name')}</Table.Th>
              <Table.Th>{t('musrenbang.planYear')}</Table.Th>
              <Table.Th ta="right">{t('allocation.budget')}</Table.Th>
              <Table.Th>{t('allocation.status')}</Table.Th>
              <Table.Th ta="right">{t('allocation.selected')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <EmptyRow shown={list.data?.items.length === 0} columns={6} text={t('allocation.none')} />
            {list.data?.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={s.name}
                    checked={picked.includes(s.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setPicked((x) => (on ? [...x, s.id].slice(-4) : x.filter((y) => y !== s.id)));
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Link to={`/skenario/${s.id}`}>{s.name}</Link>
                  {s.state === 'diadopsi' && (
                    <Badge ml="xs" color="teal" size="xs">
                      {t('allocation.adopted')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{s.planYear}</Table.Td>
                <Table.Td ta="right">{formatRupiah(s.budget)}</Table.Td>
                <Table.Td>
                  {s.status ? t(`allocation.statuses.${s.status}`, { defaultValue: s.status }) : '—'}
                </Table.Td>
                <Table.Td ta="right">{s.selected === null ? '—' : formatNumber(s.selected)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Group>
        <Button
          variant="light"
          disabled={picked.length < 2}
          component={Link}
          to={`/skenario/banding?ids=${picked.join(',')}`}
          data-testid="compare"
        >
          {t('allocation.compare')}
        </Button>
      </Group>
      {can('allocation.manage') && (
        <Card withBorder component="form" noValidate onSubmit={create.submit}>
          <Text fw={600} mb="xs">
            {t('allocation.new')}
          </Text>
          <Group align="end">
            <TextInput
              label={t('allocation.name')}
              required
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              error={create.error?.fieldMessage('name')}
              data-testid="scenario-name"
            />
            <YearInput
              label={t('musrenbang.planYear')}
              value={form.planYear}
              onChange={(v) => typeof v === 'number' && setForm({ ...form, planYear: v })}
              error={create.error?.fieldMessage('planYear')}
              w={110}
            />
            <RupiahInput
              label={t('allocation.budget')}
              value={form.budget}
              onChange={(v) => setForm({ ...form, budget: typeof v === 'number' ? v : '' })}
              error={create.error?.fieldMessage('budget')}
              data-testid="scenario-budget"
              w={220}
            />
            <Button type="submit" loading={create.busy} data-testid="scenario-create">
              {t('allocation.create')}
            </Button>
          </Group>
          <Problem error={create.error} />
        </Card>
      )}
    </Stack>
  );
}
