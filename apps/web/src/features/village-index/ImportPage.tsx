import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ImportResult } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, post, uploadFile, XLSX_TYPE } from '../../app/api.ts';
import { formatNumber } from '../../app/format.ts';
import { YearInput } from '../../app/inputs.tsx';

/** A row-by-row error report the user can open in a spreadsheet: field (line and column) and problem. */
function errorReportUrl(error: ApiError): string {
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const lines = [
    'lokasi,kode_masalah,pesan',
    ...error.issues.map((i) => [i.field, i.issue, i.message].map(quote).join(',')),
  ];
  return URL.createObjectURL(new Blob([`\uFEFF${lines.join('\r\n')}`], { type: 'text/csv;charset=utf-8' }));
}

type Kind = 'composites' | 'template' | 'rumusan';

/**
 * Upload of Kemendesa's yearly composites file, the project's 50-indicator template, or
 * Kemendesa's per-desa rumusan files: all rows or none, with a downloadable error report.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('composites');
  const [year, setYear] = useState(2025);
  const [file, setFile] = useState<File | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const ready = kind === 'rumusan' ? files.length > 0 : file !== null;
  const upload = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      if (kind === 'rumusan') {
        const payload = await Promise.all(
          files.map(async (f) => ({ fileName: f.name, content: await f.text() })),
        );
        setResult(await post<ImportResult>('/api/index/imports/rumusan', { files: payload }));
        return;
      }
      if (!file) return;
      const xlsx = file.name.toLowerCase().endsWith('.xlsx');
      const url =
        kind === 'composites'
          ? `/api/index/imports/composites?fileName=${encodeURIComponent(file.name)}`
          : `/api/index/imports/template?year=${year}&fileName=${encodeURIComponent(file.name)}`;
      setResult(await uploadFile<ImportResult>(url, file, xlsx ? XLSX_TYPE : 'text/csv'));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', String(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack maw={900}>
      <Title order={2}>{t('index.importTitle')}</Title>
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as Kind)}
        data={[
          { value: 'composites', label: t('index.importComposites') },
          { value: 'template', label: t('index.importTemplate') },
          { value: 'rumusan', label: t('index.importRumusan') },
        ]}
        data-testid="import-kind"
      />
      <Text size="sm">
        {kind === 'composites'
          ? t('index.importHelp')
          : kind === 'template'
            ? t('index.importTemplateHelp')
            : t('index.importRumusanHelp')}
      </Text>
      <Group align="end">
        {kind === 'template' && (
          <YearInput
            label={t('index.year')}
            value={year}
            onChange={(v) => typeof v === 'number' && setYear(v)}
            min={2015}
            max={2100}
            w={110}
          />
        )}
        {kind === 'rumusan' ? (
          <FileInput
            label={t('index.importFiles')}
            accept=".json,application/json"
            multiple
            value={files}
            onChange={setFiles}
            w={360}
            data-testid="import-files"
          />
        ) : (
          <FileInput
            label={t('index.importFile')}
            accept={kind === 'template' ? '.csv,.xlsx' : '.csv'}
            value={file}
            onChange={setFile}
            w={360}
            data-testid="import-file"
          />
        )}
        <Button onClick={upload} disabled={!ready} loading={busy} data-testid="import-submit">
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
