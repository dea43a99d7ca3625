import { Alert, Button, Loader, Stack, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { Problem } from '../../app/Problem.tsx';
import { Link, useSearchParams } from '../../app/router.tsx';
import { useSubmit } from '../../app/use-submit.ts';

/** The mailed link lands here: the account is activated once, then the citizen signs in. */
export default function VerifyPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const verify = useSubmit(
    () => post('/api/citizens/verify', { token }),
    () => setDone(true),
  );
  // Once: the link works one time, and a second call would report it used.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    verify.submit();
  });
  return (
    <Stack maw={560}>
      <Title order={2}>{t('citizen.verifyTitle')}</Title>
      {verify.busy && <Loader />}
      {done && (
        <Alert color="teal" data-testid="verified">
          {t('citizen.verified')}
        </Alert>
      )}
      <Problem error={verify.error} />
      {done && (
        <Button component={Link} to="/masuk" w="fit-content">
          {t('login.submit')}
        </Button>
      )}
    </Stack>
  );
}
