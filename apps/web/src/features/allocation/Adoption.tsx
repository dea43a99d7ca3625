import { Alert, Button, Text } from '@mantine/core';
import type { ScenarioDetail } from '@sinergi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { formatDateTime, formatRupiah } from '../../app/format.ts';
import { ReasonModal } from '../../app/ReasonModal.tsx';
import { useLanguage } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';

/**
 * Adopting a scenario: a confirmation, or, when another scenario of the year is adopted, the
 * reason for replacing it. The button's refusal (over the budget) shows as the server says it.
 */
export function AdoptButton({ s }: { s: ScenarioDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [replacing, setReplacing] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: ['scenario', s.id] });
  const adopt = useSubmit(async () => {
    if (s.adoptedOther) return setReplacing(true);
    if (!window.confirm(t('allocation.adoptConfirm'))) return;
    await post(`/api/scenarios/${s.id}/adopt`, {});
    await refresh();
  });
  const replace = async (supersedeReason: string) => {
    await post(`/api/scenarios/${s.id}/adopt`, { supersedeReason });
    await refresh();
  };
  return (
    <>
      <Button color="teal" onClick={() => adopt.submit()} loading={adopt.busy} data-testid="adopt">
        {t('allocation.adopt')}
      </Button>
      {adopt.error && (
        <Alert color="red" data-testid="adopt-error">
          {adopt.error.message} {adopt.error.issues.map((i) => i.message).join('; ')}
        </Alert>
      )}
      <ReasonModal
        opened={replacing}
        title={t('allocation.replaceTitle')}
        description={t('allocation.replaceHint', { name: s.adoptedOther?.name ?? '' })}
        action={t('allocation.adopt')}
        label={t('allocation.replaceReason')}
        onClose={() => setReplacing(false)}
        onConfirm={replace}
        testId="replace-modal"
      />
    </>
  );
}

/** The adoption record: who adopted it and when, against which budget, and what replaced it and why. */
export function AdoptionNote({ s }: { s: ScenarioDetail }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const a = s.adoption;
  if (!a) return null;
  return (
    <Alert color={a.supersededAt ? 'gray' : 'teal'} data-testid="adoption-note">
      <Text size="sm">
        {t('allocation.adoptedBy', {
          by: a.adoptedBy,
          at: formatDateTime(a.adoptedAt, lang),
          cost: formatRupiah(a.selectedCost),
          budget: formatRupiah(a.budget),
        })}
      </Text>
      {a.replaced && (
        <Text size="sm">
          {t('allocation.replacedOther', { name: a.replaced.name, reason: a.replaced.reason })}
        </Text>
      )}
      {a.supersededAt && (
        <Text size="sm" fw={600}>
          {t('allocation.supersededBy', {
            name: a.supersededByScenario,
            at: formatDateTime(a.supersededAt, lang),
            reason: a.supersedeReason,
          })}
        </Text>
      )}
    </Alert>
  );
}
