import {
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ProjectDetail as Project, ProgressReportView as Report } from '@sinergi/contracts';
import { progressBody } from '@sinergi/contracts';
import { fundingLineKey } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post, uploadFile } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatDate, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { DateField, PercentInput, RupiahInput, today } from '../../app/inputs.tsx';
import { sendOrQueue } from '../../app/outbox.ts';
import { PhotosInput } from '../../app/PhotosInput.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { WaitingNote } from '../../app/WaitingNote.tsx';
import { n1 } from './ProjectPage.tsx';

/**
 * The project's progress reports, newest first: a table on a desktop; on a phone a card each (date,
 * progress and spending on one line, then problems, state and photos), so nothing is cut off.
 */
export function ReportList({
  reports,
  mayVerify,
  reporter,
  onDone,
}: {
  reports: readonly Report[];
  mayVerify: boolean;
  reporter: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 40em)');
  const rows = [...reports].reverse();
  const props = { mayVerify, reporter, onDone };
  if (narrow)
    return (
      <Stack gap="xs" p="xs" pt={0}>
        {rows.map((r) => (
          <ReportRow key={r.id} report={r} card {...props} />
        ))}
      </Stack>
    );
  return (
    <Table fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('projects.reportDate')}</Table.Th>
          <Table.Th ta="right">{t('projects.physical')}</Table.Th>
          <Table.Th ta="right">{t('projects.spent')}</Table.Th>
          <Table.Th>{t('projects.problems')}</Table.Th>
          <Table.Th>{t('projects.state')}</Table.Th>
          <Table.Th>{t('projects.photos')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <ReportRow key={r.id} report={r} card={false} {...props} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ReportRow({
  report: r,
  card,
  mayVerify,
  reporter,
  onDone,
}: {
  report: Report;
  card: boolean;
  mayVerify: boolean;
  reporter: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useSubmit(async () => {
    if (!file) return;
    await uploadFile(`/api/reports/${r.id}/photos`, file, file.type);
    setFile(null);
  }, onDone);
  const verify = useSubmit(() => post(`/api/reports/${r.id}/verify`, { approve: true }), onDone);
  const spent = Object.values(r.spending).reduce((s, v) => s + v, 0);
  const problems = (
    <>
      {r.problems}
      {r.followUp && (
        <Text size="xs" c="dimmed">
          {r.followUp}
        </Text>
      )}
    </>
  );
  const state = (
    <>
      <Badge variant="light">{vocab('projects.states', r.state)}</Badge>
      {mayVerify && r.state === 'dilaporkan' && (
        <Button
          size="xs"
          variant="subtle"
          onClick={() => verify.submit()}
          loading={verify.busy}
          data-testid="verify-report"
        >
          {t('projects.verify')}
        </Button>
      )}
    </>
  );
  const photos = (
    <>
      <Group gap={4}>
        {r.photos.map((ph) => (
          <a
            key={ph.id}
            href={`/api/photos/${ph.id}`}
            target="_blank"
            rel="noreferrer"
            title={ph.takenAt ?? ''}
          >
            <Image src={`/api/photos/${ph.id}`} w={48} h={48} fit="cover" radius="sm" alt="" />
          </a>
        ))}
        {reporter && (
          <Group gap={4}>
            <FileInput
              size="xs"
              w={card ? 200 : 140}
              placeholder={t('projects.addPhoto')}
              accept="image/jpeg,image/png,image/webp"
              value={file}
              onChange={setFile}
              data-testid="photo-input"
            />
            <Button
              size="xs"
              variant="light"
              disabled={!file}
              onClick={() => upload.submit()}
              loading={upload.busy}
              data-testid="photo-upload"
              aria-label={t('projects.addPhoto')}
            >
              ↑
            </Button>
          </Group>
        )}
      </Group>
      <Problem error={upload.error ?? verify.error} />
    </>
  );
  if (card)
    return (
      <Paper withBorder p="xs" data-testid="report-card">
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {formatDate(r.reportDate)}
          </Text>
          <Text size="sm">
            {n1(r.physical)} % · {formatRupiah(spent)}
          </Text>
        </Group>
        {r.problems && <Text size="sm">{problems}</Text>}
        <Group gap="xs" my={4}>
          {state}
        </Group>
        {photos}
      </Paper>
    );
  return (
    <Table.Tr>
      <Table.Td>{formatDate(r.reportDate)}</Table.Td>
      <Table.Td ta="right">{n1(r.physical)} %</Table.Td>
      <Table.Td ta="right">{formatRupiah(spent)}</Table.Td>
      <Table.Td>{problems}</Table.Td>
      <Table.Td>{state}</Table.Td>
      <Table.Td>{photos}</Table.Td>
    </Table.Tr>
  );
}

export function ReportForm({ project: p, onDone }: { project: Project; onDone: () => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({
    reportDate: today(),
    physical: '' as number | '',
    problems: '',
    followUp: '',
    finalDocuments: '',
    correction: false,
    correctionReason: '',
  });
  const [spending, setSpending] = useState<Record<string, number | ''>>({});
  const [files, setFiles] = useState<File[]>([]);
  const { session } = useSession();
  // On site without a connection, the report and its photos wait on the device until sent.
  const save = useSubmit(async () => {
    const sent = await sendOrQueue({
      userId: session?.user?.id ?? '',
      kind: 'progress',
      title: `${p.name} · ${formatDate(f.reportDate)}`,
      method: 'POST',
      url: `/api/projects/${p.id}/reports`,
      body: checked(progressBody, {
        reportDate: f.reportDate,
        physical: f.physical === '' ? undefined : f.physical,
        spending: Object.fromEntries(Object.entries(spending).filter(([, v]) => v !== '')),
        problems: f.problems,
        followUp: f.followUp,
        finalDocuments: f.finalDocuments
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean),
        correction: f.correction,
        correctionReason: f.correctionReason,
      }),
      photos: files.map((file) => ({ blob: file, type: file.type })),
      photoUrl: '/api/reports/{id}/photos',
    });
    setFiles([]);
    if (!sent.queued) onDone();
  });
  const e = (name: string) => save.error?.fieldMessage(name);
  return (
    <Card withBorder component="form" noValidate onSubmit={save.submit} data-testid="report-form">
      <Stack gap="xs">
        <Text fw={600}>{t('projects.report')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <DateField
            label={t('projects.reportDate')}
            value={f.reportDate}
            onChange={(v) => setF({ ...f, reportDate: v })}
            error={e('reportDate')}
            data-testid="report-date"
          />
          <PercentInput
            label={t('projects.physical')}
            min={0}
            max={100}
            value={f.physical}
            onChange={(v) => setF({ ...f, physical: v === '' ? '' : Number(v) })}
            error={e('physical')}
            data-testid="report-physical"
          />
          {p.funding.map((fu) => (
            <RupiahInput
              key={fundingLineKey(fu)}
              label={`${t('projects.realised')}: ${vocab('projects.sources', fu.source)}${fu.partnerName ? ` (${fu.partnerName})` : ''}`}
              value={spending[fundingLineKey(fu)] ?? ''}
              onChange={(v) => setSpending({ ...spending, [fundingLineKey(fu)]: v === '' ? '' : Number(v) })}
              error={e(`spending.${fundingLineKey(fu)}`)}
            />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Textarea
            label={t('projects.problems')}
            value={f.problems}
            onChange={(x) => setF({ ...f, problems: x.currentTarget.value })}
            autosize
            minRows={1}
          />
          <Textarea
            label={t('projects.followUp')}
            value={f.followUp}
            onChange={(x) => setF({ ...f, followUp: x.currentTarget.value })}
            autosize
            minRows={1}
          />
          <Textarea
            label={t('projects.finalDocuments')}
            value={f.finalDocuments}
            onChange={(x) => setF({ ...f, finalDocuments: x.currentTarget.value })}
            autosize
            minRows={1}
            error={e('finalDocuments')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('projects.correction')}
          description={t('projects.correctionHint')}
          checked={f.correction}
          onChange={(x) => setF({ ...f, correction: x.currentTarget.checked })}
          data-testid="report-correction"
        />
        {f.correction && (
          <Textarea
            label={t('projects.correctionReason')}
            value={f.correctionReason}
            onChange={(x) => setF({ ...f, correctionReason: x.currentTarget.value })}
            autosize
            minRows={1}
            error={e('correctionReason')}
            data-testid="report-correction-reason"
          />
        )}
        <PhotosInput
          label={t('projects.photos')}
          max={5}
          value={files}
          onChange={setFiles}
          testId="report-photos"
        />
        <WaitingNote match={(o) => o.url === `/api/projects/${p.id}/reports`} />
        <Group>
          <Button type="submit" loading={save.busy} data-testid="report-save">
            {t('projects.sendReport')}
          </Button>
        </Group>
        <Problem error={save.error} />
      </Stack>
    </Card>
  );
}
