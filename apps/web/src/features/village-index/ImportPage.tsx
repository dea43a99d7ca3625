import { Alert, Button, Card, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportResult } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, csrfHeader } from '../../app/api.ts';
import { formatNumber } from '../../app/format.ts';

/** A row-by-row error report the user can open in a spreadsheet: field (line and column) and problem. */
function errorReportUrl(error: ApiError): string {
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const lines = [
    'lokasi,kode_masalah,pesan',
    ...error.issues.map((i) => [i.field, i.issue, i.message].map(quote).join(',')),
  ];
  return URL.createObjectURL(new Blob([`\uFEFF${lines.join('\r\n')}`], { type: 'text/csv;charset=utf-8' }));
}

/** Upload of Kemendesa's yearly composites file: all rows or none, with a downloadable error report. */
export default function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const res = await fetch(`/api/index/imports/composites?fileName=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...csrfHeader() },
        body: file,
      });
      const data = await res.json();
      if (!res.ok) throw new ApiError(res.status, data.code, data.detail, data.issues ?? []);
      setResult(data);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', String(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack maw={900}>
      <Title order={2}>{t('index.importTitle')}</Title>
      <Text size="sm">{t('index.importHelp')}</Text>
      <Group align="end">
        <FileInput
          label={t('index.importFile')}
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          w={360}
          data-testid="import-file"
        />
        <Button onClick={upload} disabled={!file} loading={busy} data-testid="import-submit">
          {t('index.importButton')}
        </Button>
      </Group>
      {result && (
        <Alert color="teal" data-testid="import-result">
          {t('index.importDone', {
            year: result.year,
            rows: formatNumber(result.rows),
            changed: formatNumber(result.changed),
          })}
        </Alert>
      )}
      {error && (
        <Card withBorder data-testid="import-errors">
          <Text c="red" fw={600}>
            {error.message.split(' line ')[0]}
          </Text>
          <Text size="sm" mb="xs">
            {t('index.importRefused', { count: error.issues.length })}
          </Text>
          {error.issues.length > 0 && (
            <>
              <Button
                component="a"
                href={errorReportUrl(error)}
                download="laporan-kesalahan-impor.csv"
                variant="light"
                size="xs"
                mb="xs"
                data-testid="import-report"
              >
                {t('index.importReport')}
              </Button>
              <Table fz="xs" striped>
                <Table.Tbody>
                  {error.issues.slice(0, 50).map((i) => (
                    <Table.Tr key={`${i.field}-${i.issue}`}>
                      <Table.Td>{i.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Card>
      )}
    </Stack>
  );
}
