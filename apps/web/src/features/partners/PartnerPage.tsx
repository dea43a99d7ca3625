import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { agreementBody, agreementKinds, commitmentKinds } from '@sinergi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatDate, formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { DateField, RupiahInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useParams } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { type PartnerDetail, usePartner } from './api.ts';
import { Studies, StudyForm } from './Studies.tsx';

type Line = { key: number; kind: string; description: string; amount: number | '' };

function AgreementForm({ partnerId, onDone }: { partnerId: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const blank = { kind: 'pks', number: '', title: '', scope: '', startsOn: '', endsOn: '' };
  const firstLine: Line = { key: 0, kind: 'uang', description: '', amount: '' };
  const [f, setF] = useState(blank);
  const [lines, setLines] = useState<Line[]>([firstLine]);
  const send = useSubmit(
    () =>
      post(
        `/api/partners/${partnerId}/agreements`,
        checked(agreementBody, {
          ...f,
          commitments: lines.map((l) => ({
            kind: l.kind,
            description: l.description,
            ...(l.amount === '' ? {} : { amount: l.amount }),
          })),
        }),
      ),
    async () => {
      setF(blank);
      setLines([firstLine]);
      await onDone();
    },
  );
  const e = (name: string) => send.error?.fieldMessage(name);
  const setLine = (i: number, patch: Partial<Line>) =>
    setLines(lines.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  return (
    <Card withBorder component="form" noValidate onSubmit={send.submit} data-testid="agreement-form">
      <Stack gap="xs">
        <Text fw={600}>{t('partner.newAgreement')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('partner.agreementKind')}
            data={agreementKinds.map((k) => ({ value: k, label: vocab('partner.agreementKinds', k) }))}
            value={f.kind}
            onChange={(v) => v && setF({ ...f, kind: v })}
            allowDeselect={false}
          />
          <TextInput
            label={t('partner.number')}
            value={f.number}
            onChange={(x) => setF({ ...f, number: x.currentTarget.value })}
          />
          <TextInput
            label={t('partner.agreementTitle')}
            value={f.title}
            onChange={(x) => setF({ ...f, title: x.currentTarget.value })}
            error={e('title')}
            data-testid="agreement-title"
          />
          <DateField
            label={t('partner.startsOn')}
            value={f.startsOn}
            onChange={(v) => setF({ ...f, startsOn: v })}
            error={e('startsOn')}
            data-testid="agreement-starts"
          />
          <DateField
            label={t('partner.endsOn')}
            value={f.endsOn}
            onChange={(v) => setF({ ...f, endsOn: v })}
            error={e('endsOn')}
            data-testid="agreement-ends"
          />
        </SimpleGrid>
        <Textarea
          label={t('partner.scope')}
          value={f.scope}
          onChange={(x) => setF({ ...f, scope: x.currentTarget.value })}
          autosize
          minRows={2}
        />
        {lines.map((l, i) => (
          <SimpleGrid cols={{ base: 1, sm: 3 }} key={l.key} data-testid="commitment-line">
            <Select
              label={t('partner.commitmentKind')}
              data={commitmentKinds.map((k) => ({ value: k, label: vocab('partner.commitmentKinds', k) }))}
              value={l.kind}
              onChange={(v) => v && setLine(i, { kind: v })}
              allowDeselect={false}
            />
            <TextInput
              label={t('partner.commitmentDescription')}
              value={l.description}
              onChange={(x) => setLine(i, { description: x.currentTarget.value })}
              error={e(`commitments.${i}.description`)}
              data-testid="commitment-description"
            />
            <RupiahInput
              label={t('partner.amount')}
              value={l.amount}
              onChange={(v) => setLine(i, { amount: v === '' ? '' : Number(v) })}
              error={e(`commitments.${i}.amount`)}
              data-testid="commitment-amount"
            />
          </SimpleGrid>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() =>
              setLines([
                ...lines,
                {
                  key: Math.max(...lines.map((x) => x.key)) + 1,
                  kind: 'barang',
                  description: '',
                  amount: '',
                },
              ])
            }
          >
            {t('partner.addCommitment')}
          </Button>
        </Group>
        <Problem error={send.error} />
        <Group>
          <Button type="submit" loading={send.busy} data-testid="agreement-save">
            {t('partner.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Agreements({ p }: { p: PartnerDetail }) {
  const { t } = useTranslation();
  return p.agreementList.map((a) => (
    <Card withBorder key={a.id} data-testid="agreement">
      <Group justify="space-between" wrap="wrap">
        <Text fw={600}>
          {vocab('partner.agreementKinds', a.kind)} {a.number && `${a.number} · `}
          {a.title}
        </Text>
        <Badge color={a.inForce ? 'teal' : 'gray'}>
          {a.inForce ? t('partner.inForce') : t('partner.ended')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('partner.term', { from: formatDate(a.startsOn), to: formatDate(a.endsOn) })}
      </Text>
      {a.scope && <Text size="sm">{a.scope}</Text>}
      <Table mt="xs">
        <Table.Tbody>
          {a.commitments.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{vocab('partner.commitmentKinds', c.kind)}</Table.Td>
              <Table.Td>
                {c.description}
                {c.drawn > 0 && (
                  <Text size="xs" c="dimmed" data-testid="commitment-drawn">
                    {t('partner.drawn', { drawn: formatRupiah(c.drawn), spent: formatRupiah(c.spent) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{c.amount === null ? '–' : formatRupiah(c.amount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  ));
}

/** Each rupiah traced: the projects with a line this partner pays, what was spent from it, the progress. */
function FundedProjects({ p }: { p: PartnerDetail }) {
  const { t } = useTranslation();
  if (p.projects.length === 0) return null;
  return (
    <Card withBorder p={0} data-testid="funded-projects">
      <Text fw={600} p="xs">
        {t('partner.funded')}
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right">{t('partner.lineAmount')}</Table.Th>
              <Table.Th ta="right">{t('partner.spent')}</Table.Th>
              <Table.Th ta="right">{t('partner.physical')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.projects.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/proyek/${x.id}`} size="sm">
                    {x.code} {x.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{formatRupiah(x.amount)}</Table.Td>
                <Table.Td ta="right">{formatRupiah(x.spent)}</Table.Td>
                <Table.Td ta="right">{formatNumber(x.physical, 1)} %</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** One partner: who it is, its agreements and commitments; Bappeda records a new agreement here. */
export default function PartnerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const client = useQueryClient();
  const q = usePartner(id);
  if (!q.data) return <QueryState query={q} queryKey={['partner', id]} />;
  const p = q.data;
  const reload = async () => {
    await client.invalidateQueries({ queryKey: ['partner', id] });
    await client.invalidateQueries({ queryKey: ['partners'] });
  };
  return (
    <Stack maw={1000}>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>
          {p.name}{' '}
          {p.sample && (
            <Badge color="orange" variant="light">
              {t('partner.sample')}
            </Badge>
          )}
        </Title>
        <Badge size="lg" variant="light">
          {vocab('partner.kinds', p.kind)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {[p.sector, t('partner.agreements', { count: p.agreements })].filter(Boolean).join(' · ')} ·{' '}
        <span data-testid="money-in-force">
          {t('partner.moneyInForce', { amount: formatRupiah(p.moneyInForce) })}
        </span>
      </Text>
      {p.website && (
        <Anchor href={p.website} target="_blank" rel="noreferrer" size="sm">
          {p.website}
        </Anchor>
      )}
      {p.notes && <Text size="sm">{p.notes}</Text>}
      <Agreements p={p} />
      <FundedProjects p={p} />
      <Studies p={p} />
      {can('partners.manage') && <AgreementForm partnerId={p.id} onDone={reload} />}
      {can('partners.manage') && <StudyForm partnerId={p.id} onDone={reload} />}
    </Stack>
  );
}
