import { Badge, Button, Card, Group, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import type { Grievance } from '@sinergi/contracts';
import { grievanceBody } from '@sinergi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, get, post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { vocab } from '../../app/i18n.ts';
import { Problem } from '../../app/Problem.tsx';
import { useSession } from '../../app/session.ts';
import { useActiveKabupaten } from '../../app/settings.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { programKeys } from './api.ts';

/** Grievances about the program: filed near the resident, resolved by the agency with a resolution. */
export function GrievancesPanel({ programId, manage }: { programId: string; manage: boolean }) {
  const { t } = useTranslation();
  const { can, session } = useSession();
  const kabupaten = useActiveKabupaten();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: programKeys.grievances(programId),
    queryFn: () => get<{ items: Grievance[] }>(`/api/programs/${programId}/grievances`),
  });
  const reload = () => client.invalidateQueries({ queryKey: programKeys.grievances(programId) });
  const [form, setForm] = useState({
    kind: 'kelayakan',
    description: '',
    regionCode: session?.user?.regionCode ?? kabupaten ?? '',
  });
  const file = useSubmit(
    () => post(`/api/programs/${programId}/grievances`, checked(grievanceBody, form)),
    reload,
  );
  const [resolution, setResolution] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const update = async (id: string, status: string) => {
    setError(null);
    try {
      await api('PATCH', `/api/grievances/${id}`, { status, resolution: resolution[id] ?? '' });
      await reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', String(e)));
    }
  };
  return (
    <Stack data-testid="grievances">
      {can('grievances.write') && (
        <Card withBorder component="form" noValidate onSubmit={file.submit}>
          <Group align="end">
            <Select
              label={t('grievances.kind')}
              value={form.kind}
              onChange={(v) => setForm({ ...form, kind: v ?? 'kelayakan' })}
              data={['kelayakan', 'penyaluran', 'lainnya'].map((k) => ({
                value: k,
                label: vocab('grievances.kinds', k),
              }))}
              allowDeselect={false}
              w={180}
            />
            <TextInput
              label={t('grievances.region')}
              value={form.regionCode}
              onChange={(e) => setForm({ ...form, regionCode: e.currentTarget.value })}
              w={160}
            />
            <Textarea
              label={t('grievances.description')}
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
              w={360}
              autosize
              minRows={1}
              error={file.error?.fieldMessage('description')}
            />
            <Button type="submit" loading={file.busy}>
              {t('grievances.file')}
            </Button>
          </Group>
          <Problem error={file.error} />
        </Card>
      )}
      <Card withBorder p={0}>
        <Table fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grievances.kind')}</Table.Th>
              <Table.Th>{t('grievances.description')}</Table.Th>
              <Table.Th>{t('grievances.region')}</Table.Th>
              <Table.Th>{t('grievances.status')}</Table.Th>
              {manage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Td>{vocab('grievances.kinds', g.kind)}</Table.Td>
                <Table.Td>
                  {g.description ?? (
                    <Text size="sm" c="dimmed">
                      {t('grievances.wordsHidden')}
                    </Text>
                  )}
                  {g.resolution && (
                    <Text size="xs" c="teal">
                      {g.resolution}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{g.regionCode}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{vocab('grievances.statuses', g.status)}</Badge>
                </Table.Td>
                {manage && (
                  <Table.Td>
                    {(g.status === 'baru' || g.status === 'diproses') && (
                      <Group gap={4}>
                        <TextInput
                          size="xs"
                          placeholder={t('grievances.resolution')}
                          value={resolution[g.id] ?? ''}
                          onChange={(e) => setResolution({ ...resolution, [g.id]: e.currentTarget.value })}
                        />
                        {['diproses', 'selesai', 'ditolak'].map((st) => (
                          <Button key={st} size="xs" variant="light" onClick={() => update(g.id, st)}>
                            {vocab('grievances.statuses', st)}
                          </Button>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Problem error={error} />
    </Stack>
  );
}
