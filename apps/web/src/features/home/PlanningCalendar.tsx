import { Card, Group, Table, Text, Title } from '@mantine/core';
import type { StageCounts } from '@sinergi/contracts';
import { calendarOf, monthWords, planYearOn } from '@sinergi/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, query } from '../../app/api.ts';
import { formatNumber } from '../../app/format.ts';
import { Link } from '../../app/router.tsx';

/** "Agu", "Aug": the month's first three letters (not Intl, whose first use costs a phone 0.1 s). */
const monthName = (month: number, lang: string) =>
  monthWords[lang === 'en' ? 'en' : 'id'][month - 1]!.slice(0, 3);

/**
 * The planning year: each step with its months, where it stands today, and the proposals at it.
 * Bappeda's home links a step to its worklist; the public portal to the public list.
 */
export function PlanningCalendar({
  listOf = (stage) => `/usulan?tahap=${stage}`,
}: {
  listOf?: (stage: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const today = new Date();
  const year = planYearOn(today);
  const counts = useQuery({
    queryKey: ['proposals', 'stages', year],
    queryFn: () => get<StageCounts>(`/api/proposals/stages${query({ year })}`),
  });
  const at = new Map(counts.data?.stages.map((s) => [s.stage, s]) ?? []);
  const when = { done: 'dimmed', now: 'teal', next: 'blue' } as const;
  return (
    <Card withBorder data-testid="planning-calendar">
      <Title order={3} size="h5" mb="xs">
        {t('home.calendar', { year })}
      </Title>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {calendarOf(year, today).map((s) => {
              const c = s.stage ? at.get(s.stage) : undefined;
              return (
                <Table.Tr key={s.step} fw={s.when === 'now' ? 700 : undefined}>
                  <Table.Td>{t(`home.steps.${s.step}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {monthName(s.from, i18n.language)}–{monthName(s.to, i18n.language)} {s.year}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {/* Words, not a badge: a badge cuts its label short in a narrow column. */}
                    <Text size="xs" fw={700} tt="uppercase" c={when[s.when]}>
                      {t(`home.when.${s.when}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c && c.active > 0 && (
                      <Group gap={4}>
                        <Link to={listOf(s.stage!)}>
                          {t('home.atStep', { count: formatNumber(c.active) })}
                        </Link>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
