import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let doc: {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>
  >;
  components?: { schemas?: Record<string, unknown> };
};
beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(() => t.close());

/** Routes that answer a file (a workbook, a PDF, a photo, a .pb or JSON download), not JSON to a client. */
const fileRoute = (path: string) =>
  /\.(xlsx|pdf|pb|csv|json|geojson)$|\/photos\/\{\w+\}$|\/docs|^\/api\/index\/berita-acara$|^\/api\/backups\/\{name\}$|^\/api\/settings\/documents\/logo$|^\/api\/site-photos\/\{id\}$|^\/api\/pb\/elections\/\{id\}\/(voters\/import|slips)$/.test(
    path,
  );

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document whose every $ref resolves (checked by @readme/openapi-parser)', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const name of new Set(refs)) expect(doc.components?.schemas?.[name], name).toBeDefined();
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });
  it('declares a response schema for the success of every JSON operation', () => {
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        if (fileRoute(path)) continue;
        const ok = Object.entries(op.responses ?? {}).find(([code]) => /^2/.test(code));
        if (!ok || (ok[0] !== '204' && !ok[1].content)) missing.push(`${method.toUpperCase()} ${path}`);
      }
    expect(missing, missing.join('\n')).toEqual([]);
  });
});
