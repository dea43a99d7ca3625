import { Alert, Button, Card, Group, Image, Stack, Text, Textarea, Title } from '@mantine/core';
import type { SiteReportItem } from '@sinergi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post, uploadFile } from '../../app/api.ts';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import { PhotosInput } from '../../app/PhotosInput.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';

/**
 * What citizens saw at the project's site (issue 20), apart from the official reports: a citizen
 * sends a note, the place (from the phone, if allowed) and photos; the agency answers each once.
 */
export function SiteReports({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const client = useQueryClient();
  const key = ['site-reports', projectId];
  const list = useQuery({
    queryKey: key,
    queryFn: () => get<{ items: SiteReportItem[] }>(`/api/projects/${projectId}/site-reports`),
  });
  const [note, setNote] = useState('');
  const [place, setPlace] = useState<{ latitude: number; longitude: number } | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const send = useSubmit(
    async () => {
      const { id } = await post<{ id: string }>(`/api/projects/${projectId}/site-reports`, {
        note,
        ...(place ?? {}),
      });
      for (const file of files.slice(0, 3))
        await uploadFile(`/api/site-reports/${id}/photos`, file, file.type);
    },
    async () => {
      setNote('');
      setFiles([]);
      setPlace(null);
      await client.invalidateQueries({ queryKey: key });
    },
  );
  const locate = () =>
    navigator.geolocation?.getCurrentPosition((p) =>
      setPlace({
        latitude: Math.round(p.coords.latitude * 1e6) / 1e6,
        longitude: Math.round(p.coords.longitude * 1e6) / 1e6,
      }),
    );
  return (
    <Card withBorder data-testid="site-reports">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('site.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('site.help')}
        </Text>
        {list.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('site.none')}
          </Text>
        )}
        {list.data?.items.map((r) => (
          <SiteReport key={r.id} r={r} onAnswered={(next) => client.setQueryData(key, next)} />
        ))}
        {can('projects.observe') && (
          <Stack gap={6} component="form" onSubmit={send.submit} data-testid="site-form">
            <Textarea
              label={t('site.note')}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={send.error?.fieldMessage('note')}
              data-testid="site-note"
            />
            <Group gap="xs">
              <Button variant="light" size="xs" onClick={locate} data-testid="site-locate">
                {t('site.locate')}
              </Button>
              {place && (
                <Text size="xs" data-testid="site-place">
                  {formatNumber(place.latitude, 6)}, {formatNumber(place.longitude, 6)}
                </Text>
              )}
            </Group>
            <PhotosInput
              label={t('site.photos')}
              max={3}
              value={files}
              onChange={setFiles}
              testId="site-photos"
            />
            <Problem error={send.error} />
            <Button type="submit" loading={send.busy} w="fit-content" data-testid="site-send">
              {t('site.send')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function SiteReport({
  r,
  onAnswered,
}: {
  r: SiteReportItem;
  onAnswered: (next: { items: SiteReportItem[] }) => void;
}) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const reply = useSubmit(async () => onAnswered(await post(`/api/site-reports/${r.id}/answer`, { answer })));
  return (
    <div data-testid="site-report">
      <Text size="xs" c="dimmed">
        {r.author} · {formatDateTime(r.at)}
        {r.location && ` · ${formatNumber(r.location.latitude, 5)}, ${formatNumber(r.location.longitude, 5)}`}
      </Text>
      <Text size="sm">{r.note}</Text>
      {r.photos.length > 0 && (
        <Group gap={4} mt={4}>
          {r.photos.map((id) => (
            <a key={id} href={`/api/site-photos/${id}`} target="_blank" rel="noreferrer">
              <Image
                src={`/api/site-photos/${id}`}
                w={64}
                h={48}
                fit="cover"
                radius="sm"
                alt={t('site.photos')}
              />
            </a>
          ))}
        </Group>
      )}
      {r.answer && (
        <Alert color="teal" p={6} mt={4} data-testid="site-answer">
          <Text size="xs" fw={600}>
            {t('site.answeredBy', { by: r.answer.by })}
          </Text>
          <Text size="sm">{r.answer.text}</Text>
        </Alert>
      )}
      {r.mayAnswer && (
        <Stack gap={4} mt={4} component="form" onSubmit={reply.submit}>
          <Textarea
            aria-label={t('site.answer')}
            placeholder={t('site.answer')}
            autosize
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            error={reply.error?.fieldMessage('answer')}
            data-testid="site-answer-text"
          />
          <Button type="submit" size="xs" w="fit-content" loading={reply.busy} data-testid="site-answer-send">
            {t('site.reply')}
          </Button>
        </Stack>
      )}
    </div>
  );
}
