import { expect, it } from 'vitest';
import { type Group, groupsNamed, textFiles } from '../texts-plugin.ts';

const src = new URL('.', import.meta.url).pathname.replace(/\/$/, '');
const flat = (o: Record<string, unknown>, p: string): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object'
      ? [`${p}.${k}`, ...flat(v as Record<string, unknown>, `${p}.${k}`)]
      : [`${p}.${k}`],
  );

it('finds every group of texts, and every key in it, where the app keeps them', async () => {
  const groups = textFiles(src);
  const { id } = await import('./app/i18n-id.ts');
  const shell = await import('./app/i18n-shell.ts');
  // Every group but the shell's (loaded from the start) is found in its feature's file.
  expect([...groups.keys()].sort()).toEqual(
    Object.keys(id)
      .filter((g) => !(g in shell.id))
      .sort(),
  );
  for (const [name, g] of groups) {
    const texts = (id as Record<string, Record<string, unknown>>)[name]!;
    const real = flat(texts, name);
    // The paths read from the source are keys of the texts; where code makes the value, below it.
    for (const k of g.paths) expect(real, `${g.file}: ${k}`).toContain(k);
    for (const k of real)
      expect(g.paths.includes(k) || g.open.some((o) => k.startsWith(`${o}.`)), `${g.file}: ${k}`).toBe(true);
  }
});

it('loads a group for a module that names one of its keys, and only then', () => {
  const groups = new Map<string, Group>([
    [
      'plans',
      { file: 'plans/i18n.ts', paths: ['plans.title', 'plans.count_one', 'plans.count_other'], open: [] },
    ],
    ['pb', { file: 'pb/i18n.ts', paths: ['pb.stages', 'pb.stages.draft', 'pb.rules'], open: ['pb.rules'] }],
    ['index', { file: 'index/i18n.ts', paths: ['index.schemes', 'index.schemes.idm'], open: [] }],
  ]);
  const named = (code: string) => [...groupsNamed(code, groups)].sort();
  expect(named("t('plans.title')")).toEqual(['plans']);
  // A permission, or a file name, shares a group's name but names no text.
  expect(named("{ permission: 'plans.read', to: 'index.html' }")).toEqual([]);
  // A plural's key, a list of keys, the start of a template or a sum, a key under code-made texts.
  expect(named("t('plans.count', { count })")).toEqual(['plans']);
  expect(named("vocab('pb.stages', s)")).toEqual(['pb']);
  // The code of a template: t(`index.schemes.${s}`).
  expect(named(['t(`index.schemes.', '$', '{s}`)'].join(''))).toEqual(['index']);
  expect(named("t('index.' + k)")).toEqual(['index']);
  expect(named('t("pb.rules.greedy")')).toEqual(['pb']);
  expect(named("t('index.schemez')")).toEqual([]);
});
