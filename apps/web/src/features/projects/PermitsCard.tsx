import { Badge, Button, Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import type { ProjectDetail as Project } from '@sinergi/contracts';
import { permitBody } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { vocab } from '../../app/i18n.ts';
import { DateField } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSubmit } from '../../app/use-submit.ts';

export function PermitsCard({
  project: p,
  manage,
  onDone,
}: {
  project: Project;
  manage: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ kind: 'lahan', status: 'proses', office: '', requestedOn: '' });
  const add = useSubmit(
    () =>
      post(
        `/api/projects/${p.id}/permits`,
        checked(permitBody, {
          kind: form.kind,
          status: form.status,
          office: form.office,
          requestedOn: form.requestedOn || null,
        }),
      ),
    onDone,
  );
  const kinds = [
    'lahan',
    'pbg',
    'amdal_ukl_upl',
    'andalalin',
    'izin_galian',
    'rekomendasi_teknis',
    'lainnya',
  ];
  return (
    <Card withBorder p={0} data-testid="permits">
      <Text fw={600} p="xs">
        {t('projects.readiness')}
      </Text>
      <Table fz="sm">
        <Table.Tbody>
          {p.permits.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{vocab('projects.permits', x.kind)}</Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={x.status === 'terkendala' ? 'red' : x.status === 'selesai' ? 'teal' : 'gray'}
                >
                  {vocab('projects.permitStatuses', x.status)}
                </Badge>
              </Table.Td>
              <Table.Td>{x.office}</Table.Td>
              <Table.Td ta="right">
                {x.daysBlocked === null ? '–' : t('projects.days', { n: x.daysBlocked })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {p.permits.length === 0 && (
        <Text size="sm" c="dimmed" p="xs">
          {t('projects.noPermits')}
        </Text>
      )}
      {manage && (
        <form noValidate onSubmit={add.submit}>
          <Group p="xs" align="end">
            <Select
              size="xs"
              w={170}
              value={form.kind}
              onChange={(v) => setForm({ ...form, kind: v ?? 'lahan' })}
              data={kinds.map((k) => ({ value: k, label: vocab('projects.permits', k) }))}
              allowDeselect={false}
            />
            <Select
              size="xs"
              w={120}
              value={form.status}
              onChange={(v) => setForm({ ...form, status: v ?? 'proses' })}
              data={['belum', 'proses', 'selesai', 'terkendala'].map((k) => ({
                value: k,
                label: vocab('projects.permitStatuses', k),
              }))}
              allowDeselect={false}
            />
            <TextInput
              size="xs"
              w={150}
              placeholder={t('projects.office')}
              value={form.office}
              onChange={(x) => setForm({ ...form, office: x.currentTarget.value })}
            />
            <DateField
              size="xs"
              w={160}
              placeholder={t('projects.requestedOn')}
              aria-label={t('projects.requestedOn')}
              value={form.requestedOn}
              onChange={(v) => setForm({ ...form, requestedOn: v })}
            />
            <Button size="xs" type="submit" variant="light" loading={add.busy}>
              +
            </Button>
          </Group>
          <Problem error={add.error} />
        </form>
      )}
    </Card>
  );
}
