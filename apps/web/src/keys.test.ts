import { expect, it } from 'vitest';

const flat = (o: Record<string, unknown>, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flat(v as Record<string, unknown>, `${p}${k}.`) : [`${p}${k}`],
  );

it('has every interface text in both Bahasa Indonesia and English', async () => {
  // The i18n module reads the saved language at start; in Node there is no storage to read.
  Object.assign(globalThis, { localStorage: { getItem: () => null, setItem: () => undefined } });
  const { default: i18n, loadLanguage, addTexts } = await import('./app/i18n.ts');
  addTexts((await import('./app/i18n-id.ts')).id);
  await loadLanguage('en');
  const id = flat(i18n.getResourceBundle('id', 'translation')).sort();
  const en = flat(i18n.getResourceBundle('en', 'translation')).sort();
  expect(en).toEqual(id);
});

it('names every audit action, audit record kind and job kind, in both languages', async () => {
  Object.assign(globalThis, { localStorage: { getItem: () => null, setItem: () => undefined } });
  const { auditActions, auditEntities, jobKinds } = await import('@sinergi/core');
  const { default: i18n, loadLanguage, addTexts } = await import('./app/i18n.ts');
  addTexts((await import('./app/i18n-id.ts')).id);
  await loadLanguage('en');
  for (const lng of ['id', 'en']) {
    const t = i18n.getFixedT(lng);
    for (const code of auditActions) expect(i18n.exists(`audit.actions.${code}`, { lng }), code).toBe(true);
    for (const code of auditEntities) expect(i18n.exists(`audit.entities.${code}`, { lng }), code).toBe(true);
    for (const kind of jobKinds)
      expect(t(`jobs.kinds.${kind}` as never), kind).not.toBe(`jobs.kinds.${kind}`);
  }
});
