import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type DocumentSettings, documentSettings } from '@sinergi/contracts';
import { documentNumber } from '@sinergi/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, get } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { emptySigners, filledSigners, Signatories, type Signer } from '../../app/Signatories.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { LogoField } from './LogoField.tsx';

const key = ['settings', 'documents'];
const fields = ['government', 'office', 'address', 'place', 'numberPattern', 'reportNumberPattern'] as const;

/** Bappeda sets the letterhead, the place of signing and the numbering of the berita acara. */
export default function DocumentSettingsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const saved = useQuery({ queryKey: key, queryFn: () => get<DocumentSettings>('/api/settings/documents') });
  const [form, setForm] = useState<DocumentSettings | null>(null);
  const [officials, setOfficials] = useState<Signer[]>(emptySigners);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!saved.data) return;
    setForm(saved.data);
    // Room for two more officials than are set, three lines at least.
    const blank = emptySigners();
    setOfficials([...saved.data.pejabat, ...blank].slice(0, Math.max(3, saved.data.pejabat.length + 2)));
  }, [saved.data]);
  const { submit, error, busy } = useSubmit(
    async () => {
      setDone(false);
      client.setQueryData(
        key,
        await api<DocumentSettings>(
          'PUT',
          '/api/settings/documents',
          checked(documentSettings, { ...form!, pejabat: filledSigners(officials) }),
        ),
      );
    },
    () => setDone(true),
  );
  if (!form) return <QueryState query={saved} queryKey={key} />;
  const exampleOf = (pattern: string, regionCode: string, jenis?: string) => {
    try {
      return documentNumber(pattern, {
        no: 7,
        isoDate: new Date().toISOString().slice(0, 10),
        regionCode,
        jenis,
      });
    } catch {
      return '';
    }
  };
  const examples: Partial<Record<(typeof fields)[number], string>> = {
    numberPattern: exampleOf(form.numberPattern, '35.05.01.2001'),
    reportNumberPattern: exampleOf(form.reportNumberPattern, '35.05', 'LAP-MONEV'),
  };
  return (
    <Stack maw={640}>
      <Title order={2}>{t('documents.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('documents.intro')}
      </Text>
      <Paper withBorder p="md" component="form" noValidate onSubmit={submit} data-testid="document-settings">
        <Stack>
          <LogoField />
          {done && <Alert color="teal">{t('documents.saved')}</Alert>}
          {error && !error.issues.length && <Alert color="red">{error.message}</Alert>}
          {fields.map((f) => (
            <div key={f}>
              <TextInput
                label={t(`documents.${f}`)}
                description={
                  f === 'numberPattern'
                    ? t('documents.numberHelp')
                    : f === 'reportNumberPattern'
                      ? t('documents.reportNumberHelp')
                      : undefined
                }
                value={form[f]}
                onChange={(e) => setForm({ ...form, [f]: e.currentTarget.value })}
                error={error?.fieldMessage(f)}
                data-testid={`doc-${f}`}
              />
              {examples[f] && (
                <Text size="sm" mt={4} data-testid={`doc-example-${f}`}>
                  {t('documents.example', { number: examples[f] })}
                </Text>
              )}
            </div>
          ))}
          <Signatories
            value={officials}
            onChange={setOfficials}
            disabled={false}
            error={error}
            field="pejabat"
            title={t('documents.officials')}
            help={t('documents.officialsHelp')}
            testId="doc-officials"
          />
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
