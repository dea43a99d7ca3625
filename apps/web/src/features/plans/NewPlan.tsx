import { Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { planBody } from '@sinergi/contracts';
import { choosesPlanOwner, planLevelFixedFor } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { YearInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useNavigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { DesaPicker } from '../musrenbang/DesaPicker.tsx';
import { useOrganisations } from '../organisations/api.ts';
import { useProvince } from './api.ts';

/** The level each kind of plan belongs to (Permendagri 86/2017; UU 25/2004 for the national plans). */
const levelOf: Record<string, string> = {
  RPJPN: 'nasional',
  RPJMN: 'nasional',
  RPJPD: 'kabupaten',
  RPJMD: 'kabupaten',
  // Rencana Pembangunan Industri Kabupaten (UU 3/2014, PP 14/2015): Disperindag drafts it.
  RPIK: 'kabupaten',
  RKPD: 'kabupaten',
  Renstra: 'opd',
  Renja: 'opd',
  RPJMDes: 'desa',
  RKPDes: 'desa',
};

/**
 * A new plan: its kind (which sets its level), name and period; Bappeda names the OPD or desa that
 * owns an OPD or desa plan, while an OPD or desa creates only its own.
 */
export function NewPlan() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const role = session?.user?.role ?? 'public';
  // Core's rules: Bappeda and the admin create plans of any level for any owner; an OPD or desa its own.
  const fixed = planLevelFixedFor({ role });
  const choosesOwner = choosesPlanOwner({ role });
  const kinds = Object.keys(levelOf).filter((k) => choosesOwner || levelOf[k] === fixed);
  const [kind, setKind] = useState(kinds.includes('Renja') ? 'Renja' : (kinds[0] ?? 'RKPDes'));
  const year = new Date().getFullYear();
  const [name, setName] = useState('');
  const [start, setStart] = useState<number | ''>(year);
  const [end, setEnd] = useState<number | ''>(year);
  const [owner, setOwner] = useState<string | null>(null);
  // A province's own RPJPD, RPJMD and RKPD are of the province's level; its OPD's Renstra and Renja of theirs.
  const isProvince = useProvince().data?.scope === 'provinsi';
  const level = isProvince && levelOf[kind] === 'kabupaten' ? 'provinsi' : levelOf[kind]!;
  const orgs = useOrganisations({ enabled: level === 'opd' && choosesOwner });
  const save = useSubmit(async () => {
    const r = await post<{ id: string }>(
      '/api/plans',
      checked(planBody, {
        kind,
        level,
        name,
        startYear: start,
        endYear: end,
        ...(owner && (level === 'opd' || level === 'desa') ? { owner } : {}),
      }),
    );
    navigate(`/perencanaan/${r.id}`);
  });
  const picksOwner = choosesOwner && (level === 'opd' || level === 'desa');
  return (
    <Card withBorder data-testid="new-plan">
      <Text fw={600} mb="xs">
        {t('plans.newPlan')}
      </Text>
      <Stack gap="xs" maw={640}>
        <Group grow>
          <Select
            label={t('plans.planKind')}
            value={kind}
            onChange={(v) => v && setKind(v)}
            allowDeselect={false}
            data={kinds}
          />
          <YearInput
            label={t('plans.startYear')}
            error={save.error?.fieldMessage('startYear')}
            value={start}
            onChange={(v) => setStart(v === '' ? '' : Number(v))}
          />
          <YearInput
            label={t('plans.endYear')}
            error={save.error?.fieldMessage('endYear')}
            value={end}
            onChange={(v) => setEnd(v === '' ? '' : Number(v))}
          />
        </Group>
        <TextInput
          label={t('plans.planName')}
          error={save.error?.fieldMessage('name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        {picksOwner && level === 'opd' && (
          <Select
            label={t('plans.ownerOpd')}
            error={save.error?.fieldMessage('owner')}
            searchable
            value={owner}
            onChange={setOwner}
            data={(orgs.data?.items ?? []).map((o) => ({ value: o.code, label: o.name }))}
          />
        )}
        {picksOwner && level === 'desa' && <DesaPicker value={owner} onChange={setOwner} />}
        <Group>
          <Button onClick={() => save.submit()} loading={save.busy} data-testid="new-plan-save">
            {t('plans.create')}
          </Button>
        </Group>
        <Problem error={save.error} />
      </Stack>
    </Card>
  );
}
