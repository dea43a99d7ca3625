import { Button, Group, Image, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { FileUpload } from '../../app/FileUpload.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSubmit } from '../../app/use-submit.ts';

const url = '/api/settings/documents/logo';

/** The kabupaten's emblem on the kop surat: shown as the documents will draw it, replaced or removed. */
export function LogoField() {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const [shown, setShown] = useState(true);
  const again = () => {
    setShown(true);
    setVersion((v) => v + 1);
  };
  const remove = useSubmit(async () => {
    await api('DELETE', url);
  }, again);
  return (
    <Stack gap="xs" data-testid="doc-logo">
      <Text size="sm" fw={500}>
        {t('documents.logo')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('documents.logoHelp')}
      </Text>
      {shown ? (
        <Group>
          <Image
            src={`${url}?v=${version}`}
            alt={t('documents.logo')}
            h={72}
            w="auto"
            fit="contain"
            onError={() => setShown(false)}
            data-testid="doc-logo-image"
          />
          <Button variant="subtle" color="red" onClick={() => remove.submit()} loading={remove.busy}>
            {t('documents.logoRemove')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed" data-testid="doc-logo-none">
          {t('documents.logoNone')}
        </Text>
      )}
      <FileUpload
        url={url}
        accept=".png,.jpg,.jpeg,.webp"
        label={t('documents.logoUpload')}
        onDone={again}
        testId="logo"
      />
      <Problem error={remove.error} />
    </Stack>
  );
}
