import { Alert, Button, Card, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Problem } from '../../app/Problem.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { useProvince, useRefreshPlans } from './api.ts';

interface Taken {
  plans: number;
  nodes: number;
  removed: number;
  linksRemoved: number;
}

/**
 * The province beside this government on the planning page: a province opens its synchronisation
 * with its kabupaten/kota; a kabupaten takes (again) the copy of its province's plans it links to.
 */
export function ProvinceCard() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const q = useProvince();
  const refresh = useRefreshPlans();
  const [taken, setTaken] = useState<Taken | null>(null);
  const take = useSubmit(async () => setTaken(await post<Taken>('/api/plans/province/take', {})), refresh);
  const o = q.data;
  if (!o || o.scope === 'sendiri') return null;
  if (o.scope === 'provinsi')
    return (
      <Group>
        <Button component={Link} to="/perencanaan/provinsi" size="xs" data-testid="province-open">
          {t('province.open')}
        </Button>
      </Group>
    );
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <Card withBorder data-testid="province-copy">
      <Text fw={600}>{t('province.copyTitle', { province: o.province?.name ?? '' })}</Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('province.copyHelp')}
      </Text>
      <Text size="sm">
        {o.copies.takenAt
          ? t('province.copyState', { n: o.copies.plans, at: formatDateTime(o.copies.takenAt, lang) })
          : t('province.copyNone')}
      </Text>
      {can('plans.manage') && (
        <Group mt="xs">
          <Button size="xs" onClick={() => take.submit()} loading={take.busy} data-testid="province-take">
            {t('province.take')}
          </Button>
        </Group>
      )}
      {taken && (
        <Alert color="teal" mt="xs" data-testid="province-taken">
          {t('province.taken', {
            plans: taken.plans,
            nodes: taken.nodes,
            removed: taken.removed,
            links: taken.linksRemoved,
          })}
        </Alert>
      )}
      <Problem error={take.error} />
    </Card>
  );
}
