import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Progress,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { PublicProposalDetail } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { noNativeCheck } from '../../app/inputs.tsx';
import { Link, useNavigate, useParams } from '../../app/router.tsx';
import { CitizenVoice } from '../citizens/CitizenVoice.tsx';
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
  // Seven steps do not fit side by side on a phone: they stand one under another.
  const narrow = useMediaQuery('(max-width: 40em)');
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
            {p.inModeration ? (
              <Alert color="yellow" data-testid="track-moderation">
                {t('track.inModeration')}
              </Alert>
            ) : (
              <Facts p={p} />
            )}
            {p.project && (
              <Card withBorder bg="teal.0" data-testid="track-project">
                <Text fw={600}>{t('track.project', { code: p.project.code })}</Text>
                <Text size="sm">
                  {t('track.projectProgress', {
                    physical: formatNumber(p.project.physical, 1),
                    planned: formatNumber(p.project.plannedPhysical, 1),
                  })}
                </Text>
                <Progress value={p.project.physical} mt={4} />
                <Anchor component={Link} to={`/proyek/${p.project.id}`} size="sm">
                  {t('track.openProject')}
                </Anchor>
              </Card>
            )}
            <Stepper
              active={
                stages.indexOf(p.stage as (typeof stageOrder)[number]) + (p.state === 'selesai' ? 1 : 0)
              }
              size="xs"
              orientation={narrow ? 'vertical' : 'horizontal'}
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
      {p && !p.inModeration && <CitizenVoice code={p.trackingCode} />}
    </Stack>
  );
}

/** What the proposal asks for: description, size, cost, who benefits, and photos of the site. */
function Facts({ p }: { p: PublicProposalDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {p.description && <Text size="sm">{p.description}</Text>}
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        <div>
          <Text size="xs" c="dimmed">
            {t('track.volume')}
          </Text>
          <Text size="sm">
            {formatNumber(p.volume, Number.isInteger(p.volume) ? 0 : 2)} {p.unit}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('track.cost')}
          </Text>
          <Text size="sm" fw={600} data-testid="track-cost">
            {formatRupiah(p.estimatedCost)}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('track.beneficiaries')}
          </Text>
          <Text size="sm">{t('track.beneficiariesValue', { count: formatNumber(p.beneficiaries) })}</Text>
        </div>
      </SimpleGrid>
      {p.photos.length > 0 && (
        <Group gap="xs" data-testid="track-photos" aria-label={t('track.photos')}>
          {p.photos.map((id) => (
            <a
              key={id}
              href={`/api/public/proposals/${p.trackingCode}/photos/${id}`}
              target="_blank"
              rel="noreferrer"
            >
              <Image
                src={`/api/public/proposals/${p.trackingCode}/photos/${id}`}
                w={96}
                h={72}
                fit="cover"
                radius="sm"
                alt={t('track.photos')}
              />
            </a>
          ))}
        </Group>
      )}
    </Stack>
  );
}
