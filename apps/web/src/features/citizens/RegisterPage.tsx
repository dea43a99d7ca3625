import { Alert, Anchor, Button, Card, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { citizenRegisterBody } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { Problem } from '../../app/Problem.tsx';
import { Link } from '../../app/router.tsx';
import { useSubmit } from '../../app/use-submit.ts';

/** A citizen registers: a name to show on their comments, an e-mail address, a password. */
export default function RegisterPage() {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [sent, setSent] = useState(false);
  const send = useSubmit(
    () =>
      post(
        '/api/citizens/register',
        checked(citizenRegisterBody, { ...form, language: i18n.language === 'en' ? 'en' : 'id' }),
      ),
    () => setSent(true),
  );
  const err = (f: string) => send.error?.fieldMessage(f);
  if (sent)
    return (
      <Stack maw={560}>
        <Title order={2}>{t('citizen.checkMail')}</Title>
        <Alert color="teal" data-testid="register-sent">
          {t('citizen.checkMailText', { email: form.email.trim() })}
        </Alert>
      </Stack>
    );
  return (
    <Stack maw={560}>
      <Title order={2}>{t('citizen.register')}</Title>
      <Text size="sm">{t('citizen.registerHelp')}</Text>
      <Card withBorder component="form" noValidate onSubmit={send.submit}>
        <Stack>
          <TextInput
            label={t('citizen.name')}
            description={t('citizen.nameHelp')}
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={err('name')}
            data-testid="citizen-name"
          />
          <TextInput
            label={t('citizen.email')}
            type="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
            error={err('email')}
            data-testid="citizen-email"
          />
          <PasswordInput
            label={t('citizen.password')}
            required
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            error={err('password')}
            data-testid="citizen-password"
          />
          <Problem error={send.error} />
          <Button type="submit" loading={send.busy} data-testid="citizen-register">
            {t('citizen.registerSubmit')}
          </Button>
          <Anchor component={Link} to="/masuk" size="sm">
            {t('citizen.haveAccount')}
          </Anchor>
        </Stack>
      </Card>
    </Stack>
  );
}
