import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postForFile, XLSX_TYPE } from '../../app/api.ts';
import { Problem } from '../../app/Problem.tsx';
import { useSubmit } from '../../app/use-submit.ts';

/** A desa's list of residents (CSV or XLSX: nik, kode_desa) registered at once; the slips download. */
export function VoterFile({ electionId, onDone }: { electionId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const send = useSubmit(async () => {
    if (!file) return;
    setCount(null);
    const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : XLSX_TYPE;
    const headers = await postForFile(
      `/api/pb/elections/${electionId}/voters/import`,
      file,
      `kartu-kode-pemilih.pdf`,
      type,
    );
    setCount(Number(headers.get('x-voters-registered') ?? 0));
    setFile(null);
  }, onDone);
  return (
    <Stack gap={4} data-testid="pb-voter-file">
      <Text size="sm" fw={500}>
        {t('pb.voterFile')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('pb.voterFileHelp')}
      </Text>
      <Group gap="xs" align="end">
        <FileInput
          w={220}
          accept=".csv,.xlsx"
          value={file}
          onChange={setFile}
          placeholder="CSV / XLSX"
          data-testid="pb-voter-file-input"
        />
        <Button
          onClick={() => send.submit()}
          disabled={!file}
          loading={send.busy}
          data-testid="pb-voter-file-send"
        >
          {t('pb.voterFileSend')}
        </Button>
      </Group>
      {count !== null && (
        <Text size="sm" c="teal" data-testid="pb-voter-file-done">
          {t('pb.voterFileDone', { count })}
        </Text>
      )}
      <Problem error={send.error} />
    </Stack>
  );
}
