import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let perencana: Session;
let desa: Session;
beforeAll(async () => {
  t = await createTestApp();
  perencana = await login(t.app, 'perencana');
  desa = await login(t.app, 'desa.jaten');
});
afterAll(() => t.close());

const M = 1_000_000;
const as = (s: Session | null, method: string, url: string, payload?: unknown) =>
  call(t.app, s, { method: method as 'GET', url, ...(payload !== undefined ? { payload } : {}) });
const upload = (s: Session, id: string, csv: string) =>
  call(t.app, s, {
    method: 'POST',
    url: `/api/pb/elections/${id}/voters/import`,
    headers: { 'content-type': 'text/csv' },
    payload: Buffer.from(csv),
  });
const textOf = async (pdf: Buffer) =>
  (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text.replace(
    /\s+/g,
    ' ',
  );

describe("a desa's voter list from a file, and printable slips (issue 20)", () => {
  it('refuses a bad list whole, naming lines; registers a good one and answers with slips whose codes vote', async () => {
    const created = await as(perencana, 'POST', '/api/pb/elections', {
      title: 'Anggaran partisipatif Jaten',
      planYear: new Date().getFullYear() + 1,
      budget: 100 * M,
      ballot: { type: 'approval', maxChoices: 1 },
      rule: { rule: 'mes', utility: 'cost', completion: 'none' },
      projects: [
        { code: 'A', title: 'Lampu jalan', cost: 30 * M },
        { code: 'B', title: 'Sumur bor', cost: 40 * M },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const bad = await upload(
      desa,
      id,
      'nik,kode_desa\n3505010101900001,35.05.01.2001\n3505010101900001,35.05.01.2001\n12345,35.05.01.2001\n3505010101900003,35.05.01.2002\n',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { field: string; issue: string }) => `${i.field} ${i.issue}`)).toEqual([
      'line 3, column nik duplicate',
      'line 4, column nik nik',
      'line 5, column kode_desa outside_your_area',
    ]);
    expect((await as(null, 'GET', `/api/pb/elections/${id}`)).json().counts.registered).toBe(0);

    const ok = await upload(
      desa,
      id,
      'NIK,Kode desa\n3505010101900011,35.05.01.2001\n3505010101900012,35.05.01.2001\n',
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect(ok.headers['x-voters-registered']).toBe('2');
    const text = await textOf(ok.rawPayload);
    const codes = [...text.matchAll(/PB-[0-9A-Z]{4}-[0-9A-Z]{4}/g)].map((m) => m[0]);
    expect(new Set(codes).size, text).toBe(2);
    expect(text).toContain('NIK 3505********0011');
    expect(text).not.toContain('3505010101900011');
    expect(text).toContain('Desa/kelurahan: Jaten');
    // A slip again for a code issued one by one; an unknown code is refused by field.
    const again = await as(desa, 'POST', `/api/pb/elections/${id}/slips`, { codes: [codes[0]] });
    expect(again.headers['content-type']).toBe('application/pdf');
    expect(await textOf(again.rawPayload)).toContain(codes[0]);
    const unknown = await as(desa, 'POST', `/api/pb/elections/${id}/slips`, { codes: ['PB-AAAA-AAAA'] });
    expect(unknown.statusCode).toBe(400);
    // The codes on the slips vote.
    expect((await as(perencana, 'POST', `/api/pb/elections/${id}/open`)).statusCode).toBe(200);
    const vote = await as(null, 'POST', `/api/pb/elections/${id}/ballots`, { code: codes[0], vote: ['A'] });
    expect(vote.statusCode, vote.body).toBe(201);
  });
});
