import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, post, uploadFile, XLSX_TYPE } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { useLanguage, useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { useSchemes } from './api.ts';

/**
 * Index schemes: the built-in IDM and Indeks Desa, and versions an admin loads from JSON or XLSX,
 * each with its aggregation and the parts not confirmed by a regulation (with the reason).
 */
export default function SchemesPage() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { can } = useSession();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const schemes = useSchemes();
  const upload = useSubmit(
    async () => {
      if (file!.name.toLowerCase().endsWith('.xlsx'))
        return uploadFile(
          `/api/index/schemes/xlsx?fileName=${encodeURIComponent(file!.name)}`,
          file!,
          XLSX_TYPE,
        );
      let json: unknown;
      try {
        json = JSON.parse(await file!.text());
      } catch {
        throw new ApiError(400, 'MALFORMED_BODY', t('index.schemeNotJson'));
      }
      return post('/api/index/schemes', json);
    },
    async () => {
      setFile(null);
      await client.invalidateQueries({ queryKey: ['schemes'] });
    },
  );
  return (
    <Stack maw={960}>
      <Title order={2}>{t('index.schemesTitle')}</Title>
      <Card withBorder p={0}>
        <Table fz="sm" striped data-testid="schemes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>ID</Table.Th>
              <Table.Th>{t('organisations.name')}</Table.Th>
              <Table.Th>{t('index.indicator')}</Table.Th>
              <Table.Th>{t('index.unconfirmedShort')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schemes.data?.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <code>{s.id}</code>
                  <div>
                    {s.builtIn ? (
                      <Badge variant="outline" size="sm" mt={4}>
                        {t('index.builtIn')}
                      </Badge>
                    ) : (
                      s.createdAt && <Text size="xs">{formatDateTime(s.createdAt, lang)}</Text>
                    )}
                  </div>
                </Table.Td>
                <Table.Td>
                  {s.name}
                  <Text size="xs" c="dimmed">
                    {s.regulation} ·{' '}
                    {t(`index.aggregations.${s.aggregation}`, { defaultValue: s.aggregation })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('index.schemeDimensions')}:{' '}
                    {s.dimensions.map((d) => `${d.name} (${d.indicators})`).join(', ')}
                  </Text>
                  <Anchor size="xs" href={`/api/index/schemes/${encodeURIComponent(s.id)}/scheme.xlsx`}>
                    {t('index.schemeDownload')}
                  </Anchor>
                </Table.Td>
                <Table.Td>{s.indicators}</Table.Td>
                <Table.Td maw={360}>
                  {s.unconfirmed.map((u) => (
                    <Text key={u} size="xs" c="dimmed">
                      <b>{t(`index.parts.${u}`, { defaultValue: u })}:</b> {s.notes[u]?.[lang]}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {can('index.schemes.manage') && (
        <Card withBorder>
          <Text size="sm" mb="xs">
            {t('index.schemeHelp')}
          </Text>
          <Group align="end">
            <FileInput
              label={t('index.schemeFile')}
              accept=".json,.xlsx,application/json"
              value={file}
              onChange={setFile}
              w={320}
            />
            <Button disabled={!file} loading={upload.busy} onClick={() => upload.submit()}>
              {t('index.schemeLoad')}
            </Button>
          </Group>
          {upload.error && (
            <Alert color="red" mt="xs">
              {upload.error.message}
            </Alert>
          )}
        </Card>
      )}
    </Stack>
  );
}
