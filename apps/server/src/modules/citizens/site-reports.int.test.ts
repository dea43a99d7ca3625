import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['warga', 'opd.dpupr', 'desa.jaten', 'perencana']) s[u] = await login(t.app, u);
});
afterAll(() => t.close());

const as = (who: Session | null, method: string, url: string, payload?: unknown) =>
  call(t.app, who, { method: method as 'GET', url, ...(payload !== undefined ? { payload } : {}) });

describe("citizens' reports from project sites (issue 20)", () => {
  it('a citizen reports with a note, a place and a photo; shown apart from official reports; the agency answers once', async () => {
    const projects = (await as(null, 'GET', '/api/projects?limit=500')).json().items as {
      id: string;
      organisation: string;
    }[];
    const project = projects.find((p) => p.organisation === 'DPUPR')!;
    const sent = await as(s.warga!, 'POST', `/api/projects/${project.id}/site-reports`, {
      note: 'Pekerjaan berhenti dua minggu, material menumpuk di bahu jalan.',
      latitude: -8.0085,
      longitude: 111.9631,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id;
    const photo = await sharp({ create: { width: 90, height: 60, channels: 3, background: '#868e96' } })
      .jpeg()
      .toBuffer();
    const up = await call(t.app, s.warga!, {
      method: 'POST',
      url: `/api/site-reports/${id}/photos`,
      headers: { 'content-type': 'image/jpeg' },
      payload: photo,
    });
    expect(up.statusCode, up.body).toBe(201);
    // Another account may not add photos to it.
    const foreign = await call(t.app, s['opd.dpupr']!, {
      method: 'POST',
      url: `/api/site-reports/${id}/photos`,
      headers: { 'content-type': 'image/jpeg' },
      payload: photo,
    });
    expect(foreign.statusCode).toBe(403);

    const seen = (await as(null, 'GET', `/api/projects/${project.id}/site-reports`)).json().items;
    expect(seen[0]).toMatchObject({
      author: 'Warga Jaten (demo)',
      note: 'Pekerjaan berhenti dua minggu, material menumpuk di bahu jalan.',
      location: { latitude: -8.0085, longitude: 111.9631 },
      answer: null,
      mayAnswer: false,
    });
    expect(seen[0].photos).toHaveLength(1);
    expect((await as(null, 'GET', `/api/site-photos/${seen[0].photos[0]}`)).headers['content-type']).toBe(
      'image/jpeg',
    );
    // The official reports are untouched: a site report is not a progress report.
    const detail = (await as(null, 'GET', `/api/projects/${project.id}`)).json();
    expect(JSON.stringify(detail.reports)).not.toContain('material menumpuk');

    // Bappeda reads but does not answer; the agency running the project does, once.
    expect(
      (await as(s.perencana!, 'POST', `/api/site-reports/${id}/answer`, { answer: 'Kami cek.' })).statusCode,
    ).toBe(403);
    const byAgency = (await as(s['opd.dpupr']!, 'GET', `/api/projects/${project.id}/site-reports`)).json()
      .items[0];
    expect(byAgency.mayAnswer).toBe(true);
    const answered = await as(s['opd.dpupr']!, 'POST', `/api/site-reports/${id}/answer`, {
      answer: 'Material terlambat; pekerjaan dilanjutkan Senin depan.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().items[0].answer).toMatchObject({
      text: 'Material terlambat; pekerjaan dilanjutkan Senin depan.',
    });
    expect(answered.json().items[0].answer.by).toMatch(/Pekerjaan Umum|DPUPR/);
    const again = await as(s['opd.dpupr']!, 'POST', `/api/site-reports/${id}/answer`, {
      answer: 'Sekali lagi jawab.',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().detail).toMatch(/sudah dijawab/);
  });

  it('takes site reports from citizens only, and a report only with a note', async () => {
    const project = (await as(null, 'GET', '/api/projects?limit=1')).json().items[0];
    expect(
      (
        await as(s['desa.jaten']!, 'POST', `/api/projects/${project.id}/site-reports`, {
          note: 'Catatan desa.',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await as(null, 'POST', `/api/projects/${project.id}/site-reports`, { note: 'Catatan warga.' }))
        .statusCode,
    ).toBe(401);
    const empty = await as(s.warga!, 'POST', `/api/projects/${project.id}/site-reports`, { note: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toMatch(/Catatan|Note/);
  });
});
