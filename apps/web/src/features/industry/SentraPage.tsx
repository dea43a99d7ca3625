import { Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { sentraBody } from '@sinergi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatNumber } from '../../app/format.ts';
import { CoordinateInput, type NumberValue } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { DesaPicker, desaOf } from '../musrenbang/DesaPicker.tsx';
import { useSentra } from './api.ts';

const SentraMap = lazy(() => import('./SentraMap.tsx'));

function NewSentra() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const blank = {
    name: '',
    product: '',
    desaCode: '',
    latitude: '' as NumberValue,
    longitude: '' as NumberValue,
  };
  const [f, setF] = useState(blank);
  const send = useSubmit(
    () =>
      post(
        '/api/industry/sentra',
        checked(sentraBody, {
          ...f,
          desaCode: desaOf(f.desaCode) ?? '',
          latitude: f.latitude === '' ? null : f.latitude,
          longitude: f.longitude === '' ? null : f.longitude,
        }),
      ),
    async () => {
      setF(blank);
      await client.invalidateQueries({ queryKey: ['industry-sentra'] });
    },
  );
  const e = (name: string) => send.error?.fieldMessage(name);
  return (
    <Card withBorder component="form" noValidate onSubmit={send.submit} data-testid="sentra-form">
      <Stack gap="xs">
        <Text fw={600}>{t('industry.sentraNew')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('industry.name')}
            value={f.name}
            onChange={(x) => setF({ ...f, name: x.currentTarget.value })}
            error={e('name')}
          />
          <TextInput
            label={t('industry.product')}
            value={f.product}
            onChange={(x) => setF({ ...f, product: x.currentTarget.value })}
            error={e('product')}
          />
          <DesaPicker
            value={f.desaCode || null}
            onChange={(code) => setF({ ...f, desaCode: code ?? '' })}
            error={e('desaCode')}
          />
          <Group grow>
            <CoordinateInput
              label={t('industry.latitude')}
              value={f.latitude}
              onChange={(latitude) => setF({ ...f, latitude })}
              error={e('latitude')}
            />
            <CoordinateInput
              label={t('industry.longitude')}
              value={f.longitude}
              onChange={(longitude) => setF({ ...f, longitude })}
              error={e('longitude')}
            />
          </Group>
        </SimpleGrid>
        <Problem error={send.error} />
        <Group>
          <Button type="submit" loading={send.busy}>
            {t('industry.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The sentra IKM on a map and in a list; open to everyone, recorded by the agency. */
export default function SentraPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useSentra();
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('industry.sentraTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('industry.sentraIntro')}
      </Text>
      {list.data ? (
        <>
          <Card withBorder>
            <Suspense fallback={<Text size="sm">…</Text>}>
              <SentraMap sentra={list.data.items} label={t('industry.sentraMap')} />
            </Suspense>
          </Card>
          <Table.ScrollContainer minWidth={340}>
            <Table striped data-testid="sentra-list">
              <Table.Tbody>
                {list.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {s.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {s.product} ·{' '}
                        {t('industry.members', {
                          businesses: formatNumber(s.businesses),
                          workforce: formatNumber(s.workforce),
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {s.desa}, {s.kecamatan}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : (
        <QueryState query={list} queryKey={['industry-sentra']} />
      )}
      {can('industry.manage') && <NewSentra />}
    </Stack>
  );
}
