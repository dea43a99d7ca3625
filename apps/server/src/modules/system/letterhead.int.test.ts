import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['perencana', 'desa.jaten']) s[u] = await login(t.app, u);
});
afterAll(() => t.close());

const upload = (who: string, data: Buffer, type: string) =>
  call(t.app, s[who]!, {
    method: 'POST',
    url: '/api/settings/documents/logo',
    headers: { 'content-type': type },
    payload: data,
  });
/** How many images the PDF holds: pdfmake writes each as an object of "/Subtype /Image". */
const imagesIn = async (url: string) => {
  const pdf = await call(t.app, s.perencana!, { method: 'GET', url });
  expect(pdf.statusCode).toBe(200);
  return pdf.rawPayload.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0;
};

describe("the letterhead's emblem and signing officials (issue 19)", () => {
  it('is taken as a photo type, kept as a PNG of at most 400 px, drawn on the kop surat, and removed again', async () => {
    const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#1c7ed6' } })
      .jpeg()
      .toBuffer();
    const report = '/api/projects/monthly-report.pdf?month=2026-11';
    const before = await imagesIn(report);
    const set = await upload('perencana', jpeg, 'image/jpeg');
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ logo: true });
    const got = await call(t.app, s['desa.jaten']!, { method: 'GET', url: '/api/settings/documents/logo' });
    expect(got.headers['content-type']).toBe('image/png');
    expect(await sharp(got.rawPayload).metadata()).toMatchObject({ format: 'png', width: 400, height: 267 });
    expect(await imagesIn(report)).toBe(before + 1);

    const removed = await call(t.app, s.perencana!, {
      method: 'DELETE',
      url: '/api/settings/documents/logo',
    });
    expect(removed.json()).toEqual({ logo: false });
    const gone = await call(t.app, s.perencana!, { method: 'GET', url: '/api/settings/documents/logo' });
    expect(gone.statusCode).toBe(404);
    expect(await imagesIn(report)).toBe(before);
  });

  it('refuses what is not a picture, a desa account, and a file over 2 MiB, leaving the emblem as it was', async () => {
    const png = await sharp({ create: { width: 120, height: 120, channels: 4, background: '#fff' } })
      .png()
      .toBuffer();
    expect((await upload('perencana', png, 'image/png')).statusCode).toBe(200);
    const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const fake = await upload('perencana', Buffer.concat([header, Buffer.alloc(5000, 7)]), 'image/png');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().detail).toMatch(/JPEG, PNG, WebP/);
    expect((await upload('perencana', Buffer.from('kop surat'), 'text/plain')).statusCode).toBe(415);
    expect((await upload('desa.jaten', png, 'image/png')).statusCode).toBe(403);
    const huge = await upload('perencana', Buffer.concat([png, Buffer.alloc(3 * 1024 * 1024)]), 'image/png');
    expect(huge.statusCode).toBe(413);
    expect(huge.json().detail).toMatch(/2 MiB|2,0 MiB|2 MB/);
    const kept = await call(t.app, s.perencana!, { method: 'GET', url: '/api/settings/documents/logo' });
    expect((await sharp(kept.rawPayload).metadata()).width).toBe(120);
  });

  it("signs the kabupaten's documents with the officials set for their positions, and refuses a bad NIP by its label", async () => {
    const settings = (
      await call(t.app, s.perencana!, { method: 'GET', url: '/api/settings/documents' })
    ).json();
    const put = (pejabat: unknown) =>
      call(t.app, s.perencana!, {
        method: 'PUT',
        url: '/api/settings/documents',
        payload: { ...settings, pejabat },
      });
    const bad = await put([{ jabatan: 'Kepala Bappeda', nama: 'Contoh Nama', nip: '1970' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/NIP/);
    const ok = await put([
      { jabatan: 'Kepala Bappeda', nama: 'Ir. Contoh Pejabat, M.T.', nip: '197001011995031001' },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().pejabat).toHaveLength(1);
    const pdf = await call(t.app, s.perencana!, {
      method: 'GET',
      url: '/api/projects/monthly-report.pdf?month=2026-11',
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    });
    const flat = text.replace(/\s+/g, ' ');
    // The Bappeda column names the official; the agency's head, not in the settings, keeps a line to write on.
    expect(flat).toContain('Ir. Contoh Pejabat, M.T.');
    expect(flat).toContain('NIP. 197001011995031001');
    expect(flat).toContain('(______________________________)');
  });

  it('numbers each document once at its first print, by kind and year; two first prints at once share one number', async () => {
    const text = async (url: string) => {
      const pdf = await call(t.app, s.perencana!, { method: 'GET', url });
      expect(pdf.statusCode).toBe(200);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
        mergePages: true,
      });
      return text.replace(/\s+/g, ' ');
    };
    const numberIn = (flat: string) => /Nomor: (\S+)/.exec(flat)?.[1];
    const year = new Date().getFullYear();
    const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][
      new Date().getMonth()
    ];
    // Two first prints of one month's report at the same moment: one number between them.
    const [a, b] = await Promise.all([
      text('/api/projects/monthly-report.pdf?month=2026-10'),
      text('/api/projects/monthly-report.pdf?month=2026-10'),
    ]);
    const october = numberIn(a);
    expect(october).toMatch(new RegExp(`^\\d{3}/LAP-MONEV/35\\.05/${roman}/${year}$`));
    expect(numberIn(b)).toBe(october);
    const september = numberIn(await text('/api/projects/monthly-report.pdf?month=2026-09'));
    expect(Number(september!.slice(0, 3))).toBe(Number(october!.slice(0, 3)) + 1);
    expect(numberIn(await text('/api/projects/monthly-report.pdf?month=2026-10'))).toBe(october);
    // Another kind keeps its own running number.
    const idm = numberIn(await text('/api/index/berita-acara?year=2024'));
    expect(idm).toMatch(new RegExp(`^001/BA-IDM/35\\.05/${roman}/${year}$`));
  });
});
