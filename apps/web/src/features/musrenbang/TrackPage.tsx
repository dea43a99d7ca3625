import { Alert, Badge, Button, Card, Group, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { vocab } from '../../app/i18n.ts';
import { noNativeCheck } from '../../app/inputs.tsx';
import { useTracking } from './api.ts';
import { History } from './History.tsx';
import { stageOrder, stateColour } from './labels.ts';

/** Anyone follows a proposal by its tracking code: each step, each decision and its reason. */
export default function TrackPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(code ?? '');
  const track = useTracking(code);
  const p = track.data;
  const stages = stageOrder.filter((s) => s !== 'moderasi' || p?.track === 'aspirasi');
  return (
    <Stack maw={900}>
      <Title order={2}>{t('track.title')}</Title>
      <Group
        component="form"
        {...noNativeCheck}
        align="end"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/lacak/${input.trim().toUpperCase()}`);
        }}
      >
        <TextInput
          label={t('musrenbang.trackingCode')}
          placeholder="USL-XXXX-XXXX"
          value={input}
          onChange={(e) => setInput(e.currentTarget.value)}
          w={240}
          data-testid="track-input"
        />
        <Button type="submit">{t('track.find')}</Button>
      </Group>
      {track.error && (
        <Alert color="red">
          {track.error instanceof ApiError ? track.error.message : String(track.error)}
        </Alert>
      )}
      {p && (
        <Card withBorder data-testid="tracking">
          <Stack>
            <div>
              <Text fw={700} size="lg">
                {p.title}
              </Text>
              <Text size="sm" c="dimmed">
                {p.trackingCode} · {p.regionName} · {vocab('musrenbang.tracks', p.track)} ·{' '}
                {t('musrenbang.planYear')} {p.planYear}
              </Text>
            </div>
            <Group>
              <Badge color={stateColour[p.state]} size="lg">
                {p.state === 'aktif'
                  ? vocab('musrenbang.stages', p.stage)
                  : vocab('musrenbang.states', p.state)}
              </Badge>
              {p.mergedInto && (
                <Button size="xs" variant="light" onClick={() => navigate(`/lacak/${p.mergedInto}`)}>
                  {t('track.mergedInto', { code: p.mergedInto })}
                </Button>
              )}
            </Group>
            <Stepper
              active={
                stages.indexOf(p.stage as (typeof stageOrder)[number]) + (p.state === 'selesai' ? 1 : 0)
              }
              size="xs"
              allowNextStepsSelect={false}
            >
              {stages.map((s) => (
                <Stepper.Step key={s} label={vocab('musrenbang.stages', s)} />
              ))}
            </Stepper>
            <History events={p.events} />
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
