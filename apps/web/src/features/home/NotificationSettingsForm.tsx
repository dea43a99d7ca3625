import { Alert, Button, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { notificationSettingsBody } from '@sinergi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checked } from '../../app/check.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { inboxKeys, saveNotificationSettings, useNotificationSettings } from './api.ts';

/** The account's e-mail for notifications: off, one per notification, or a daily digest. */
export function NotificationSettingsForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useNotificationSettings();
  const [email, setEmail] = useState('');
  const [emailMode, setMode] = useState('off');
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!settings.data) return;
    setEmail(settings.data.email ?? '');
    setMode(settings.data.emailMode);
  }, [settings.data]);
  const { submit, error } = useSubmit(
    async () => {
      setDone(false);
      const saved = await saveNotificationSettings(
        checked(notificationSettingsBody, { email: email.trim(), emailMode }),
      );
      client.setQueryData(inboxKeys.settings, saved);
    },
    () => setDone(true),
  );
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      noValidate
      onSubmit={submit}
      data-testid="notification-settings"
      // Empty is a valid choice here (no e-mail): the browser test of empty forms passes it by.
      data-empty-ok="true"
    >
      <Stack>
        <Title order={3} size="h5">
          {t('notify.title')}
        </Title>
        {settings.data && !settings.data.mailEnabled && (
          <Text size="sm" c="dimmed">
            {t('notify.off')}
          </Text>
        )}
        {done && <Alert color="teal">{t('notify.saved')}</Alert>}
        {error && !error.issues.length && <Alert color="red">{error.message}</Alert>}
        <TextInput
          label={t('notify.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={error?.fieldMessage('email')}
          data-testid="notify-email"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('notify.mode')}
          </Text>
          <SegmentedControl
            value={emailMode}
            onChange={setMode}
            data={(['off', 'each', 'daily'] as const).map((m) => ({
              value: m,
              label: t(`notify.modes.${m}`),
            }))}
            data-testid="notify-mode"
          />
        </Stack>
        <Button type="submit">{t('common.save')}</Button>
      </Stack>
    </Paper>
  );
}
