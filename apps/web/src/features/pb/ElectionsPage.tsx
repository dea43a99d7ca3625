import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, uploadFile } from '../../app/api.ts';
import { formatDate, formatMoney, formatNumber } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { Problem } from '../../app/Problem.tsx';
import { Link, useNavigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { useElections } from './api.ts';
import { ElectionForm } from './ElectionForm.tsx';
import type { Receipt } from './types.ts';

/** Participatory budgeting: every vote, open to anyone; Bappeda starts new ones or imports Pabulib files. */
export default function ElectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const list = useElections();
  const [creating, setCreating] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const importPb = useSubmit(async () => {
    if (!file) return;
    const r = await uploadFile<{ id: string }>(
      `/api/pb/imports?planYear=${new Date().getFullYear() + 1}`,
      file,
      'text/plain',
    );
    navigate(`/anggaran-partisipatif/${r.id}`);
  });
  const [receipt, setReceipt] = useState('');
  const [found, setFound] = useState<Receipt | null>(null);
  const check = useSubmit(async () => {
    setFound(null);
    setFound(await get<Receipt>(`/api/pb/receipts/${encodeURIComponent(receipt.trim().toUpperCase())}`));
  });
  const manage = can('pb.manage');
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('pb.title')}</Title>
      <Text size="sm">{t('pb.help')}</Text>
      <Card withBorder p={0}>
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" striped data-testid="elections">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pb.name')}</Table.Th>
                <Table.Th>{t('musrenbang.planYear')}</Table.Th>
                <Table.Th ta="right">{t('pb.budget')}</Table.Th>
                <Table.Th>{t('pb.state')}</Table.Th>
                <Table.Th ta="right">{t('pb.ballots')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Link to={`/anggaran-partisipatif/${e.id}`}>{e.title}</Link>
                    {e.source === 'pabulib' && (
                      <Badge ml="xs" size="xs" variant="light">
                        {t('pb.source.pabulib')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{e.planYear}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(e.budget, e.currency)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={e.state === 'dibuka' ? 'teal' : 'gray'}>
                      {vocab('pb.states', e.state)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(e.ballots)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.data?.items.length === 0 && (
          <Text p="md" c="dimmed">
            {t('pb.empty')}
          </Text>
        )}
      </Card>

      <Card withBorder>
        <form noValidate onSubmit={check.submit}>
          <Group align="end">
            <TextInput
              label={t('pb.checkReceipt')}
              placeholder="R-XXXXXXXXXX"
              value={receipt}
              onChange={(e) => setReceipt(e.currentTarget.value)}
              error={check.error?.fieldMessage('receipt')}
              data-testid="receipt-input"
            />
            <Button type="submit" variant="light" loading={check.busy}>
              {t('pb.checkReceipt')}
            </Button>
          </Group>
        </form>
        {check.error && !check.error.fieldMessage('receipt') && <Problem error={check.error} />}
        {found && (
          <Alert color="teal" mt="sm" data-testid="receipt-found">
            <Text size="sm" fw={600}>
              {found.title}
            </Text>
            {t('pb.receiptFound', {
              fingerprint: found.fingerprint,
              channel: vocab('pb.channels', found.channel),
              date: formatDate(found.castOn),
            })}
          </Alert>
        )}
      </Card>

      {manage && (
        <Group>
          <Button
            onClick={() => setCreating((v) => !v)}
            variant={creating ? 'default' : 'filled'}
            data-testid="pb-new"
          >
            {t('pb.new')}
          </Button>
          <FileInput
            placeholder={t('pb.import')}
            accept=".pb,text/plain"
            value={file}
            onChange={setFile}
            w={280}
            data-testid="pb-file"
          />
          <Button variant="light" disabled={!file} loading={importPb.busy} onClick={() => importPb.submit()}>
            {t('pb.import')}
          </Button>
        </Group>
      )}
      <Problem error={importPb.error} />
      {manage && creating && <ElectionForm onSaved={(id) => navigate(`/anggaran-partisipatif/${id}`)} />}
    </Stack>
  );
}
