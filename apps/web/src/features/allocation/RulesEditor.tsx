import {
  ActionIcon,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../app/format.ts';
import { RupiahInput } from '../../app/inputs.tsx';
import type { Scenario } from './types.ts';

/** The rules as the API takes them (`PortfolioRules` in contracts; proposals by tracking code). */
export interface Rules {
  opdCaps?: Record<string, number>;
  opdFloors?: Record<string, number>;
  bidangCaps?: Record<string, number>;
  bidangFloors?: Record<string, number>;
  kecamatanFloors?: Record<string, number>;
  mustFund?: string[];
  requires?: [string, string][];
  exclusive?: string[][];
  yearCeilings?: Record<string, number>;
  costProfiles?: Record<string, Record<string, number>>;
}

/** Sets one key of a money map; an empty input removes the key, and an empty map the rule. */
function setMoney(map: Record<string, number> | undefined, key: string, value: number | string) {
  const next = { ...(map ?? {}) };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = Number(value);
  return Object.keys(next).length ? next : undefined;
}

/**
 * Every rule a forum sets for a scenario, edited in place: caps and floors per OPD and bidang,
 * floors per kecamatan, must-fund, dependencies, alternatives, and multi-year costs against yearly
 * ceilings. Field errors from the server appear under the field they name.
 */
export function RulesEditor({
  scenario: s,
  rules,
  onChange,
  fieldError,
}: {
  scenario: Scenario;
  rules: Rules;
  onChange: (rules: Rules) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Rules>) => {
    const next = { ...rules, ...patch };
    for (const k of Object.keys(next) as (keyof Rules)[])
      if (next[k] === undefined || (Array.isArray(next[k]) && (next[k] as unknown[]).length === 0))
        delete next[k];
    onChange(next);
  };
  const proposals = s.candidates.map((c) => ({
    value: c.trackingCode,
    label: `${c.trackingCode} · ${c.title} (${formatRupiah(c.cost)})`,
  }));
  const unique = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
  const opds = unique(s.candidates.map((c) => c.opd));
  const bidangs = unique(s.candidates.map((c) => c.bidang));
  const kecamatan = new Map(s.candidates.map((c) => [c.kecamatan, c.kecamatanName]));
  const years = [s.planYear, s.planYear + 1, s.planYear + 2].map(String);
  const costOf = new Map(s.candidates.map((c) => [c.trackingCode, c.cost]));

  const moneyTable = (
    title: string,
    keys: string[],
    label: (k: string) => string,
    columns: { rule: keyof Rules; head: string }[],
  ) => (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Table fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {columns.map((c) => (
              <Table.Th key={c.rule}>{c.head}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((k) => (
            <Table.Tr key={k}>
              <Table.Td>{label(k)}</Table.Td>
              {columns.map((c) => (
                <Table.Td key={c.rule}>
                  <RupiahInput
                    size="xs"
                    aria-label={`${c.head} ${label(k)}`}
                    value={(rules[c.rule] as Record<string, number> | undefined)?.[k] ?? ''}
                    onChange={(v) =>
                      set({ [c.rule]: setMoney(rules[c.rule] as Record<string, number>, k, v) })
                    }
                    error={fieldError(`rules.${c.rule}.${k}`)}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );

  /** A rule that is a list of rows (dependencies, alternatives): each row edited in place, removed, or added. */
  const listRule = <K extends 'requires' | 'exclusive'>(
    rule: K,
    title: string,
    addLabel: string,
    empty: NonNullable<Rules[K]>[number],
    row: (
      item: NonNullable<Rules[K]>[number],
      i: number,
      replace: (next: NonNullable<Rules[K]>[number]) => void,
    ) => ReactNode,
  ) => {
    const items = (rules[rule] ?? []) as NonNullable<Rules[K]>[number][];
    const put = (next: typeof items) => set({ [rule]: next } as Partial<Rules>);
    return (
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {title}
        </Text>
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is a position in the list being edited; its content changes as the user picks
          <Group key={i} wrap="nowrap">
            {row(item, i, (next) => put(items.map((x, k) => (k === i ? next : x))))}
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label="×"
              onClick={() => put(items.filter((_, k) => k !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button size="xs" variant="light" onClick={() => put([...items, empty])}>
            {addLabel}
          </Button>
        </Group>
      </Stack>
    );
  };

  return (
    <Card withBorder data-testid="rules-editor">
      <Stack>
        <Text fw={600}>{t('allocation.rulesTitle')}</Text>
        <MultiSelect
          label={t('allocation.mustFundLabel')}
          data={proposals}
          value={rules.mustFund ?? []}
          onChange={(v) => set({ mustFund: v })}
          searchable
          error={fieldError('rules.mustFund')}
          data-testid="rules-must-fund"
        />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {moneyTable(t('allocation.by.opd'), opds, (k) => k, [
            { rule: 'opdCaps', head: t('allocation.cap') },
            { rule: 'opdFloors', head: t('allocation.floor') },
          ])}
          {moneyTable(
            t('allocation.by.bidang'),
            bidangs,
            (k) => t(`musrenbang.bidangs.${k}`, { defaultValue: k }),
            [
              { rule: 'bidangCaps', head: t('allocation.cap') },
              { rule: 'bidangFloors', head: t('allocation.floor') },
            ],
          )}
          {moneyTable(
            t('allocation.by.kecamatan'),
            [...kecamatan.keys()].sort(),
            (k) => kecamatan.get(k) || k,
            [{ rule: 'kecamatanFloors', head: t('allocation.floor') }],
          )}
        </SimpleGrid>

        {listRule(
          'requires',
          t('allocation.requiresTitle'),
          t('allocation.addRequires'),
          ['', ''],
          ([a, b], i, replace) => (
            <>
              <Select
                size="xs"
                style={{ flex: 1 }}
                data={proposals}
                value={b}
                searchable
                aria-label={t('allocation.requiresThen')}
                onChange={(v) => replace([a, v ?? ''])}
                error={fieldError(`rules.requires.${i}.1`)}
              />
              <Text size="xs">{t('allocation.requiresOnlyIf')}</Text>
              <Select
                size="xs"
                style={{ flex: 1 }}
                data={proposals}
                value={a}
                searchable
                aria-label={t('allocation.requiresIf')}
                onChange={(v) => replace([v ?? '', b])}
                error={fieldError(`rules.requires.${i}.0`)}
              />
            </>
          ),
        )}
        {listRule(
          'exclusive',
          t('allocation.exclusiveTitle'),
          t('allocation.addExclusive'),
          [],
          (group, i, replace) => (
            <MultiSelect
              size="xs"
              style={{ flex: 1 }}
              data={proposals}
              value={group}
              searchable
              aria-label={t('allocation.exclusiveTitle')}
              onChange={replace}
              error={fieldError(`rules.exclusive.${i}`)}
            />
          ),
        )}

        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('allocation.multiYearTitle')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('allocation.multiYearHelp')}
          </Text>
          <Group>
            {years.map((y) => (
              <RupiahInput
                key={y}
                size="xs"
                w={200}
                label={t('allocation.yearCeiling', { year: y })}
                value={rules.yearCeilings?.[y] ?? ''}
                onChange={(v) => set({ yearCeilings: setMoney(rules.yearCeilings, y, v) })}
                error={fieldError(`rules.yearCeilings.${y}`)}
              />
            ))}
          </Group>
          <MultiSelect
            size="xs"
            label={t('allocation.multiYearProposals')}
            data={proposals}
            value={Object.keys(rules.costProfiles ?? {})}
            searchable
            onChange={(codes) => {
              const next: Record<string, Record<string, number>> = {};
              for (const c of codes)
                next[c] = rules.costProfiles?.[c] ?? { [String(s.planYear)]: costOf.get(c) ?? 0 };
              set({ costProfiles: codes.length ? next : undefined });
            }}
          />
          {Object.entries(rules.costProfiles ?? {}).map(([code, profile]) => (
            <Group key={code} align="start" wrap="nowrap">
              <Text size="xs" w={160} mt={6}>
                {code}
              </Text>
              {years.map((y) => (
                <RupiahInput
                  key={y}
                  size="xs"
                  w={170}
                  aria-label={`${code} ${y}`}
                  placeholder={y}
                  value={profile[y] ?? ''}
                  onChange={(v) =>
                    set({
                      costProfiles: { ...rules.costProfiles, [code]: setMoney(profile, y, v) ?? {} },
                    })
                  }
                />
              ))}
              <Text size="xs" mt={6} c={fieldError(`rules.costProfiles.${code}`) ? 'red' : 'dimmed'}>
                {fieldError(`rules.costProfiles.${code}`) ?? `= ${formatRupiah(costOf.get(code) ?? 0)}`}
              </Text>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
