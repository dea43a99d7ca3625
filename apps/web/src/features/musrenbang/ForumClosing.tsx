import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { describeIssue, type forumDetail } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { post } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { ReasonModal } from '../../app/ReasonModal.tsx';
import { useLanguage } from '../../app/session.ts';

type Forum = z.infer<typeof forumDetail>;

/**
 * Closing a forum: what it still needs (attendance, quorum, saved scores), scores typed but not
 * saved, and a confirmation that says what closing records. Reopening, for the level above, asks
 * for the reason the berita acara will show.
 */
export function ForumClosing({
  f,
  unsaved,
  onClose,
  busy,
  onChanged,
}: {
  f: Forum;
  /** Scores or votes typed on the page but not saved yet. */
  unsaved: boolean;
  onClose: () => void;
  busy: boolean;
  onChanged: (f: Forum) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const [reopening, setReopening] = useState(false);
  const needs = f.closeNeeds.map((n) => describeIssue(lang, n));
  const blocked = needs.length > 0 || unsaved;
  const confirmClose = () => {
    if (window.confirm(t('forum.closeConfirm', { total: f.participants.total, items: f.items.length })))
      onClose();
  };
  const reopen = async (reason: string) =>
    onChanged(await post<Forum>(`/api/forums/${f.id}/reopen`, { reason }));
  return (
    <Stack>
      {f.reopenings.map((r) => (
        <Alert key={r.at} color="orange" data-testid="forum-reopened">
          {t('forum.reopenedNote', { at: formatDateTime(r.at, lang), by: r.by, reason: r.reason })}
        </Alert>
      ))}
      {f.canManage &&
        f.items.length > 0 &&
        (blocked ? (
          <Alert color="yellow" title={t('forum.cannotCloseYet')} data-testid="close-needs">
            <List size="sm">
              {unsaved && <List.Item>{t('forum.unsavedScores')}</List.Item>}
              {needs.map((n) => (
                <List.Item key={n}>{n}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null)}
      {f.canManage && f.items.length > 0 && (
        <Group justify="end">
          <Button
            color="teal"
            onClick={confirmClose}
            loading={busy}
            disabled={blocked}
            data-testid="close-forum"
          >
            {t('forum.close')}
          </Button>
        </Group>
      )}
      {f.canReopen && (
        <Group justify="end">
          <Text size="sm" c="dimmed">
            {t('forum.reopenHint')}
          </Text>
          <Button
            variant="light"
            color="orange"
            onClick={() => setReopening(true)}
            data-testid="reopen-forum"
          >
            {t('forum.reopen')}
          </Button>
        </Group>
      )}
      <ReasonModal
        opened={reopening}
        title={t('forum.reopen')}
        description={t('forum.reopenHint')}
        action={t('forum.reopen')}
        onClose={() => setReopening(false)}
        onConfirm={reopen}
        testId="reopen-modal"
      />
    </Stack>
  );
}
