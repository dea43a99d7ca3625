import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import type { CommentItem } from '@sinergi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, get, post } from '../../app/api.ts';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import { Problem } from '../../app/Problem.tsx';
import { ReasonModal } from '../../app/ReasonModal.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';

/**
 * What citizens say about a proposal (issue 20): how many support it (one per account) and their
 * comments; a citizen signed in supports and writes, the desa hides a comment with a reason.
 */
export function CitizenVoice({ code }: { code: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const client = useQueryClient();
  const supportKey = ['support', code];
  const commentsKey = ['comments', code];
  const support = useQuery({
    queryKey: supportKey,
    queryFn: () => get<{ supports: number; supported: boolean }>(`/api/public/proposals/${code}/support`),
  });
  const comments = useQuery({
    queryKey: commentsKey,
    queryFn: () => get<{ items: CommentItem[] }>(`/api/public/proposals/${code}/comments`),
  });
  const toggle = useSubmit(async () => {
    const on = !support.data?.supported;
    client.setQueryData(
      supportKey,
      await api(on ? 'POST' : 'DELETE', `/api/public/proposals/${code}/support`),
    );
  });
  const [text, setText] = useState('');
  const write = useSubmit(
    async () =>
      client.setQueryData(
        commentsKey,
        await post(`/api/public/proposals/${code}/comments`, { comment: text }),
      ),
    () => setText(''),
  );
  const [hiding, setHiding] = useState<string | null>(null);
  const citizen = can('proposals.support');
  return (
    <Card withBorder data-testid="citizen-voice">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('citizen.voice')}
          </Title>
          <Text size="sm" data-testid="support-count">
            {t('citizen.supports', {
              count: support.data?.supports ?? 0,
              shown: formatNumber(support.data?.supports ?? 0),
            })}
          </Text>
        </Group>
        {citizen ? (
          <Button
            variant={support.data?.supported ? 'light' : 'filled'}
            onClick={() => toggle.submit()}
            loading={toggle.busy}
            w="fit-content"
            data-testid="support"
          >
            {support.data?.supported ? t('citizen.withdraw') : t('citizen.support')}
          </Button>
        ) : (
          !can('proposals.read') && (
            <Text size="sm">
              <Anchor component={Link} to="/masuk">
                {t('login.submit')}
              </Anchor>{' '}
              {t('citizen.or')}{' '}
              <Anchor component={Link} to="/warga/daftar">
                {t('citizen.registerShort')}
              </Anchor>{' '}
              {t('citizen.toTakePart')}
            </Text>
          )
        )}
        <Problem error={toggle.error} />
        <Stack gap="xs" data-testid="comments">
          {comments.data?.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('citizen.noComments')}
            </Text>
          )}
          {comments.data?.items.map((c) => (
            <div key={c.id} data-testid="comment">
              <Text size="xs" c="dimmed">
                {c.author} · {formatDateTime(c.at)}
              </Text>
              {c.hidden ? (
                <Alert color="gray" p={6} data-testid="comment-hidden">
                  {t('citizen.hidden', { by: c.hidden.by, reason: c.hidden.reason })}
                </Alert>
              ) : (
                <Text size="sm">{c.body}</Text>
              )}
              {c.mayHide && (
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  c="red"
                  onClick={() => setHiding(c.id)}
                  data-testid="hide-comment"
                >
                  {t('citizen.hide')}
                </Anchor>
              )}
            </div>
          ))}
        </Stack>
        {can('comments.write') && (
          <Stack gap={4} component="form" onSubmit={write.submit}>
            <Textarea
              label={t('citizen.comment')}
              autosize
              minRows={2}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={write.error?.fieldMessage('comment')}
              data-testid="comment-text"
            />
            <Button type="submit" loading={write.busy} w="fit-content" data-testid="comment-send">
              {t('citizen.send')}
            </Button>
          </Stack>
        )}
      </Stack>
      <ReasonModal
        opened={hiding !== null}
        title={t('citizen.hideTitle')}
        description={t('citizen.hideHelp')}
        action={t('citizen.hide')}
        onClose={() => setHiding(null)}
        onConfirm={async (reason) =>
          client.setQueryData(commentsKey, await post(`/api/comments/${hiding}/hide`, { reason }))
        }
        testId="hide-reason"
      />
    </Card>
  );
}
