import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { DesaScorecard } from '@sinergi/contracts';
import { idm2016, indicatorsOf, scoreFromObservation } from '@sinergi/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { vocab } from '../../app/i18n.ts';
import { DecimalInput, IntegerInput } from '../../app/inputs.tsx';
import { sendOrQueue } from '../../app/outbox.ts';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { WaitingNote } from '../../app/WaitingNote.tsx';
import { useEntry } from './api.ts';
import { fmt4 } from './status.ts';

// Indicators whose score the rubric gives from a raw observation (the same rubric the server checks).
const rubrics = new Map(
  indicatorsOf(idm2016).flatMap((i) => (i.rubric ? [[i.code, i.rubric] as const] : [])),
);

/**
 * The desa operator's form for a year's 50 scores, with save and submit. Where a rubric exists the
 * operator may type the observation instead and the score follows from it. Locked once submitted.
 */
export function EntryPanel({ card }: { card: DesaScorecard }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const year = (card.history.at(-1)?.year ?? 2024) + 1;
  const entry = useEntry(card.code, year);
  const base = Object.fromEntries((card.indicators?.items ?? []).map((i) => [i.code, i.score]));
  const [edits, setEdits] = useState<Record<string, number>>({});
  const [observed, setObserved] = useState<Record<string, number>>({});
  const scores = { ...base, ...(entry.data?.scores ?? {}), ...edits };
  const observations = { ...(entry.data?.observations ?? {}), ...observed };
  const observe = (code: string, value: number | string) => {
    const rubric = rubrics.get(code)!;
    if (typeof value !== 'number') {
      setObserved(({ [code]: _, ...rest }) => rest);
      return;
    }
    setObserved((o) => ({ ...o, [code]: value }));
    const score = scoreFromObservation(rubric, value);
    if (score !== null) setEdits((e) => ({ ...e, [code]: score }));
  };
  const state = entry.data?.state ?? null;
  const editable = state === null || state === 'draft';
  const refresh = async () => {
    setEdits({});
    setObserved({});
    await client.invalidateQueries({ queryKey: ['entry', card.code, year] });
  };
  const { session } = useSession();
  const url = `/api/index/entries/${card.code}/${year}`;
  // Without a connection the scores stay on the device (and in the form) until sent; they name the
  // version they were typed over, so a change made meanwhile is never overwritten.
  const save = useSubmit(async () => {
    const basedOn = entry.isSuccess ? (entry.data?.version ?? null) : undefined;
    const sent = await sendOrQueue({
      userId: session?.user?.id ?? '',
      kind: 'idm',
      title: `${card.name} · ${year}`,
      method: 'PUT',
      url,
      body: { scores, observations, ...(basedOn !== undefined ? { basedOn } : {}) },
      currentUrl: url,
    });
    if (!sent.queued) await refresh();
  });
  const submit = useSubmit(() => post(`/api/index/entries/${card.code}/${year}/submit`), refresh);
  const error = save.error ?? submit.error;
  return (
    <Card withBorder data-testid="entry-panel">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('index.entryTitle', { year })}
        </Title>
        <Badge variant="light" data-testid="entry-state">
          {vocab('index.states', state ?? 'none')}
        </Badge>
      </Group>
      <WaitingNote match={(o) => o.url === url} />
      {entry.data && (
        <Text size="sm" mb="xs">
          {t('index.entryValue', { value: fmt4(entry.data.value), status: entry.data.status })}
        </Text>
      )}
      {error && (
        <Alert color="red" mb="xs">
          {error.message} {error.issues.map((i) => i.message).join('; ')}
        </Alert>
      )}
      {editable && entry.data?.returnNote && (
        <Alert color="orange" mb="xs" data-testid="entry-return-note">
          {t('index.returnedBecause', { note: entry.data.returnNote })}
        </Alert>
      )}
      {!editable && (
        <Text size="sm" c="dimmed">
          {t('index.entryLocked')}
        </Text>
      )}
      {editable && (
        <Stack>
          <Text size="xs" c="dimmed">
            {t('index.entryHint')}
          </Text>
          {card.scheme.dimensions.map((d) => (
            <div key={d.code}>
              <Text fw={600} size="sm" mb={4}>
                {d.code} · {d.name}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" verticalSpacing={4}>
                {(card.indicators?.items ?? [])
                  .filter((i) => i.dimension === d.code)
                  .map((i) => (
                    <Stack key={i.code} gap={2}>
                      <IntegerInput
                        size="xs"
                        label={i.name}
                        min={0}
                        max={5}
                        value={scores[i.code]}
                        onChange={(v) =>
                          setEdits((e) => ({ ...e, [i.code]: typeof v === 'number' ? v : Number.NaN }))
                        }
                        data-testid={`score-${i.code}`}
                      />
                      {rubrics.has(i.code) && (
                        <DecimalInput
                          size="xs"
                          label={`${t('index.observation')}: ${rubrics.get(i.code)!.label}`}
                          min={0}
                          value={observations[i.code] ?? ''}
                          onChange={(v) => observe(i.code, v)}
                          error={
                            observations[i.code] !== undefined &&
                            scoreFromObservation(rubrics.get(i.code)!, observations[i.code]!) === null
                              ? t('index.rubricGap')
                              : undefined
                          }
                          data-testid={`observation-${i.code}`}
                        />
                      )}
                    </Stack>
                  ))}
              </SimpleGrid>
            </div>
          ))}
          <Group>
            <Button onClick={() => save.submit()} loading={save.busy} data-testid="entry-save">
              {t('index.saveDraft')}
            </Button>
            <Button
              variant="light"
              disabled={
                state !== 'draft' || Object.keys(edits).length > 0 || Object.keys(observed).length > 0
              }
              onClick={() => submit.submit()}
              loading={submit.busy}
              data-testid="entry-submit"
            >
              {t('index.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
