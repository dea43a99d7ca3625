import { Button, Card, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { formatNumber } from '../../app/format.ts';
import { DecimalInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import type { Program } from './ProgramPage.tsx';

export function OutputsCard({
  program: p,
  manage,
  onDone,
}: {
  program: Program;
  manage: boolean;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [achieved, setAchieved] = useState<Record<number, number | ''>>(
    Object.fromEntries(p.outputs.map((o, i) => [i, o.achieved ?? ''])),
  );
  const save = useSubmit(
    () =>
      api('PUT', `/api/programs/${p.id}`, {
        code: p.code,
        name: p.name,
        type: p.type,
        organisationId: p.organisationId,
        startDate: p.startDate,
        endDate: p.endDate,
        budget: p.budget,
        targetBeneficiaries: p.targetBeneficiaries,
        targetGroups: p.targetGroups,
        eligibility: p.eligibility,
        outcomes: p.outcomes,
        excludes: p.excludes,
        cyclic: p.cyclic,
        outputs: p.outputs.map((o, i) => ({
          name: o.name,
          unit: o.unit,
          target: o.target,
          ...(achieved[i] === '' || achieved[i] === undefined ? {} : { achieved: achieved[i] }),
        })),
      }),
    onDone,
  );
  return (
    <Card withBorder data-testid="outputs">
      <Text fw={600} size="sm">
        {t('programs.outputs')}
      </Text>
      <Table fz="sm">
        <Table.Tbody>
          {p.outputs.map((o, i) => (
            <Table.Tr key={o.name}>
              <Table.Td>{o.name}</Table.Td>
              <Table.Td ta="right">
                {t('programs.outputTarget')}: {formatNumber(o.target)} {o.unit}
              </Table.Td>
              <Table.Td ta="right">
                {manage ? (
                  <DecimalInput
                    size="xs"
                    w={140}
                    min={0}
                    aria-label={`${t('programs.achieved')} ${o.name}`}
                    value={achieved[i] ?? ''}
                    onChange={(v) => setAchieved({ ...achieved, [i]: v === '' ? '' : Number(v) })}
                  />
                ) : (
                  `${t('programs.achieved')}: ${o.achieved === undefined ? '–' : formatNumber(o.achieved)}`
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {manage && (
        <Group mt="xs">
          <Button size="xs" variant="light" onClick={() => save.submit()} loading={save.busy}>
            {t('programs.saveOutputs')}
          </Button>
        </Group>
      )}
      <Problem error={save.error} />
    </Card>
  );
}
