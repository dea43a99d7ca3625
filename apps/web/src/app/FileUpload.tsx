import { Button, FileInput, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { uploadFile, XLSX_TYPE } from './api.ts';
import { Problem } from './Problem.tsx';
import { useSubmit } from './use-submit.ts';

/**
 * Picks an XLSX or CSV file and sends it as the request body; shows what the server says came in
 * (through `describe`) or every problem it names. The one upload control of the import pages.
 */
/** The type the server is told: a picture's own, a CSV by its name, else a workbook. */
const typeOf = (file: File) =>
  file.type.startsWith('image/')
    ? file.type
    : file.name.toLowerCase().endsWith('.csv')
      ? 'text/csv'
      : XLSX_TYPE;

export function FileUpload<T>({
  url,
  accept = '.xlsx,.csv',
  label,
  describe,
  onDone,
  testId,
}: {
  url: string;
  accept?: string;
  label: string;
  /** What came in, from the server's answer; nothing is said when absent. */
  describe?: (result: T) => string;
  onDone?: () => unknown;
  testId?: string;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<T | null>(null);
  const send = useSubmit(
    async () => {
      if (!file) return;
      setResult(null);
      setResult(await uploadFile<T>(url, file, typeOf(file)));
    },
    async () => {
      await onDone?.();
    },
  );
  return (
    <div>
      <Group align="end" gap="xs">
        <FileInput
          w={220}
          placeholder={accept.replaceAll('.', '').toUpperCase().replaceAll(',', ' / ')}
          accept={accept}
          value={file}
          onChange={setFile}
          aria-label={label}
          data-testid={testId ? `${testId}-file` : undefined}
        />
        <Button
          onClick={() => send.submit()}
          disabled={!file}
          loading={send.busy}
          data-testid={testId ? `${testId}-send` : undefined}
        >
          {label}
        </Button>
      </Group>
      {result !== null && describe && (
        <Text size="sm" mt="xs" c="teal" data-testid={testId ? `${testId}-result` : undefined}>
          {describe(result)}
        </Text>
      )}
      <Problem error={send.error} />
    </div>
  );
}
