import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { YearInput } from '../../app/inputs.tsx';
import { ReasonModal } from '../../app/ReasonModal.tsx';
import { Link, useSearchParams } from '../../app/router.tsx';
import { useLanguage } from '../../app/session.ts';
import { useIndexSummary, useWorklist } from './api.ts';
import { fmt4, statusColour } from './status.ts';

const stateColour: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  verified: 'violet',
  approved: 'green',
};

/** The sign-off worklist of a year: the kecamatan verifies, the kabupaten approves, either returns. */
export default function WorklistPage() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const client = useQueryClient();
  // The year in the address (the home links to it), else the year being entered: the one after the
  // last approved year, as the desa's form has it.
  const [params] = useSearchParams();
  const summary = useIndexSummary();
  const [chosen, setYear] = useState<number | null>(Number(params.get('tahun')) || null);
  const entering = (summary.data?.years.at(-1)?.year ?? new Date().getFullYear() - 1) + 1;
  const year = chosen ?? entering;
  const [error, setError] = useState<ApiError | null>(null);
  const list = useWorklist(year, chosen !== null || !summary.isPending);
  const [returning, setReturning] = useState<string | null>(null);
  /** Sends a step; the list is read again whatever the answer. */
  const send = (code: string, action: string, note?: string) =>
    post(`/api/index/entries/${code}/${year}/${action}`, note === undefined ? {} : { note }).finally(() =>
      client.invalidateQueries({ queryKey: ['worklist', year] }),
    );
  const act = async (code: string, action: string) => {
    setError(null);
    try {
      await send(code, action);
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  };
  // The year field shows the year being entered once it is known, so nothing typed into it is
  // overwritten when the summary arrives.
  if (chosen === null && summary.isPending) return <Loader m="xl" />;
  return (
    <Stack>
      <Title order={2}>{t('index.worklistTitle')}</Title>
      <Group align="end">
        <YearInput
          label={t('index.year')}
          value={year}
          onChange={(v) => typeof v === 'number' && setYear(v)}
          min={2015}
          max={2100}
          w={120}
        />
        <Anchor href={`/api/index/berita-acara?year=${year}`} target="_blank" data-testid="berita-acara">
          {t('index.beritaAcara')}
        </Anchor>
      </Group>
      {list.data && (
        <Text size="sm" c="dimmed">
          {list.data.region.name}
        </Text>
      )}
      {error && <Alert color="red">{error.message}</Alert>}
      {list.data && list.data.missing.length > 0 && (
        <Text size="sm" data-testid="worklist-missing">
          {t('index.missing', { count: list.data.missing.length })}{' '}
          {list.data.missing.map((d) => d.name).join(', ')}
        </Text>
      )}
      {list.data?.items.length === 0 && <Alert>{t('index.worklistEmpty')}</Alert>}
      <ReasonModal
        opened={returning !== null}
        title={t('index.returnTitle')}
        description={t('index.returnHint')}
        action={t('index.return')}
        label={t('index.returnNote')}
        onClose={() => setReturning(null)}
        onConfirm={(note) => send(returning!, 'return', note)}
        testId="return-modal"
      />
      {list.data && list.data.items.length > 0 && (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table fz="sm" striped data-testid="worklist">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('index.desa')}</Table.Th>
                  <Table.Th>{t('regions.levels.kecamatan')}</Table.Th>
                  <Table.Th>IDM</Table.Th>
                  <Table.Th>{t('index.status')}</Table.Th>
                  <Table.Th>{t('index.step')}</Table.Th>
                  <Table.Th>{t('index.updated')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((i) => (
                  <Table.Tr key={i.code}>
                    <Table.Td>
                      <Anchor component={Link} to={`/indeks-desa/${i.code}`}>
                        {i.name}
                      </Anchor>
                      {i.source === 'contoh' && (
                        <Badge ml="xs" size="xs" color="orange" variant="light">
                          {t('registry.sample')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{i.kecamatan}</Table.Td>
                    <Table.Td>{fmt4(i.value)}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColour[i.status]} variant="light">
                        {i.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={stateColour[i.state]} data-testid={`state-${i.code}`}>
                        {vocab('index.states', i.state)}
                      </Badge>
                      {i.returnNote && (
                        <Text size="xs" c="red" data-testid={`return-note-${i.code}`}>
                          {t('index.returnedBecause', { note: i.returnNote })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDateTime(i.updatedAt, lang)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {i.abilities.verify && (
                          <Button
                            size="compact-xs"
                            onClick={() => act(i.code, 'verify')}
                            data-testid={`verify-${i.code}`}
                          >
                            {t('index.verify')}
                          </Button>
                        )}
                        {i.abilities.approve && (
                          <Button
                            size="compact-xs"
                            onClick={() => act(i.code, 'approve')}
                            data-testid={`approve-${i.code}`}
                          >
                            {t('index.approve')}
                          </Button>
                        )}
                        {i.abilities.return && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            onClick={() => setReturning(i.code)}
                            data-testid={`return-${i.code}`}
                          >
                            {t('index.return')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
