import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { changePasswordBody } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { NotificationSettingsForm } from '../home/NotificationSettingsForm.tsx';

export default function AccountPage() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNext] = useState('');
  const [done, setDone] = useState(false);
  const { submit, error } = useSubmit(
    () => {
      setDone(false);
      return post('/api/auth/password', checked(changePasswordBody, { currentPassword, newPassword }));
    },
    () => {
      setDone(true);
      setCurrent('');
      setNext('');
    },
  );
  return (
    <Stack maw={480}>
      <Title order={2}>{t('account.title')}</Title>
      <Paper withBorder p="md" component="form" noValidate onSubmit={submit}>
        <Stack>
          <Title order={3} size="h5">
            {t('account.changePassword')}
          </Title>
          {done && <Alert color="teal">{t('account.changed')}</Alert>}
          {error && !error.issues.length && <Alert color="red">{error.message}</Alert>}
          <PasswordInput
            label={t('account.current')}
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            required
            autoComplete="current-password"
            error={
              error?.code === 'INVALID_CREDENTIALS' ? error.message : error?.fieldMessage('currentPassword')
            }
          />
          <PasswordInput
            label={t('account.next')}
            value={newPassword}
            onChange={(e) => setNext(e.currentTarget.value)}
            required
            autoComplete="new-password"
            error={error?.fieldMessage('newPassword')}
          />
          <Button type="submit">{t('common.save')}</Button>
        </Stack>
      </Paper>
      <NotificationSettingsForm />
    </Stack>
  );
}
