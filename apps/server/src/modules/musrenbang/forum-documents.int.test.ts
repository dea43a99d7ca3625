import { dateInWords, romanMonth } from '@sinergi/core';
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

const JATEN = '35.05.01.2001';
const year = new Date().getFullYear() + 1;
const today = new Date().toISOString().slice(0, 10);
const as = (who: string, method: string, url: string, payload?: unknown) =>
  call(t.app, s[who]!, { method: method as 'GET', url, ...(payload !== undefined ? { payload } : {}) });
const propose = async (title: string, estimatedCost: number) =>
  (
    await as('desa.jaten', 'POST', '/api/proposals', {
      track: 'musrenbang',
      title,
      bidang: 'infrastruktur',
      regionCode: JATEN,
      volume: 1,
      unit: 'paket',
      estimatedCost,
      beneficiaries: 80,
      planYear: year,
      proposerName: 'Warga',
    })
  ).json() as { id: string; trackingCode: string };
const pdfText = async (url: string) => {
  const pdf = await as('desa.jaten', 'GET', url);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
    mergePages: true,
  });
  return text.replace(/\s+/g, ' ');
};

describe('the berita acara of a forum, as an office signs it (issue 19)', () => {
  it('refuses a numbering pattern without a running number, naming the field', async () => {
    const bad = await as('perencana', 'PUT', '/api/settings/documents', {
      government: 'PEMERINTAH KABUPATEN BLITAR',
      office: 'BADAN PERENCANAAN PEMBANGUNAN DAERAH',
      address: '',
      place: 'Blitar',
      numberPattern: 'BA/MUSRENBANG/{tahun}',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Pola nomor surat');
    expect(bad.json().detail).toContain('{no}');
    const ok = await as('perencana', 'PUT', '/api/settings/documents', {
      government: 'PEMERINTAH KABUPATEN BLITAR',
      office: 'BADAN PERENCANAAN PEMBANGUNAN DAERAH',
      address: 'Jl. Contoh No. 1, Blitar',
      place: 'Blitar',
      numberPattern: '{no}/BA-MUSRENBANG/{kode}/{bulan}/{tahun}',
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses a NIP that is not 18 digits, naming the field', async () => {
    const created = await as('desa.jaten', 'POST', '/api/forums', {
      level: 'desa',
      regionCode: JATEN,
      planYear: year,
      heldOn: today,
      title: 'Musrenbangdes Jaten (uji NIP)',
      method: 'suara',
      confirmWarnings: true,
    });
    const res = await as('desa.jaten', 'PUT', `/api/forums/${created.json().id}/participants`, {
      total: 3,
      perempuan: 1,
      pemuda: 1,
      disabilitas: 0,
      penandatangan: [{ jabatan: 'Kepala Desa Jaten', nama: 'Sutrisno', nip: '19870101201001100' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('NIP');
    expect(res.json().detail).toContain('18 angka');
  });

  it('carries the letterhead, its number, the day and date in words, every reason, the attendance to sign and the names under the signatures', async () => {
    const created = await as('desa.jaten', 'POST', '/api/forums', {
      level: 'desa',
      regionCode: JATEN,
      planYear: year,
      heldOn: today,
      title: 'Musrenbangdes Jaten',
      method: 'suara',
      confirmWarnings: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const a = await propose('Jembatan gantung dusun Kedung', 157_500_000);
    const b = await propose('Gapura dusun Krajan', 25_000_000);
    const c = await propose('Talud sungai Ngemplak', 90_000_000);
    await as('desa.jaten', 'PUT', `/api/forums/${id}/agenda`, { proposalIds: [a.id, b.id, c.id] });
    const daftar = Array.from({ length: 40 }, (_, i) => ({
      nama: `Peserta ${i + 1}`,
      unsur: i % 2 ? 'RT' : 'PKK',
    }));
    const participants = await as('desa.jaten', 'PUT', `/api/forums/${id}/participants`, {
      total: 40,
      perempuan: 20,
      pemuda: 8,
      disabilitas: 1,
      daftar,
      penandatangan: [
        { jabatan: 'Kepala Desa Jaten', nama: 'Sutrisno', nip: '' },
        { jabatan: 'Ketua BPD', nama: 'Siti Aminah', nip: '' },
        { jabatan: 'Sekretaris Desa', nama: 'Bambang Wijaya', nip: '198701012010011001' },
      ],
    });
    expect(participants.statusCode, participants.body).toBe(200);
    await as('desa.jaten', 'PUT', `/api/forums/${id}/scores`, {
      items: [a, b, c].map((p, i) => ({ proposalId: p.id, votes: 30 - i })),
    });
    const closed = await as('desa.jaten', 'POST', `/api/forums/${id}/close`, {
      decisions: [
        { proposalId: a.id, decision: { kind: 'teruskan' } },
        {
          proposalId: b.id,
          decision: { kind: 'tolak', reason: 'sudah_didanai_sumber_lain', note: 'Dana Desa 2027.' },
        },
        { proposalId: c.id, decision: { kind: 'tunda', toYear: year + 1 } },
      ],
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const number = closed.json().documentNumber as string;
    const month = romanMonth(Number(today.slice(5, 7)));
    expect(number).toMatch(
      new RegExp(`^\\d{3}/BA-MUSRENBANG/35\\.05\\.01\\.2001/${month}/${today.slice(0, 4)}$`),
    );

    const text = await pdfText(`/api/forums/${id}/berita-acara.pdf`);
    expect(text).toContain('PEMERINTAH KABUPATEN BLITAR KECAMATAN WONODADI DESA JATEN');
    expect(text).toContain(`Nomor: ${number}`);
    expect(text).toContain(`${dateInWords(today)}, bertempat di Desa Jaten`);
    // Amounts never wrap.
    expect(text).toContain('Rp157.500.000');
    expect(text).toContain('Diteruskan');
    expect(text).toContain('Ditolak: Sudah didanai sumber lain. Dana Desa 2027.');
    expect(text).toContain(`Ditunda ke ${year + 1}`);
    expect(text).toMatch(/Jaten, \d{1,2} \w+ \d{4}/);
    expect(text).toContain('Sutrisno');
    expect(text).toContain('NIP. 198701012010011001');
    expect(text).toContain('Tanda tangan');
    expect(text).toContain('40. ....................');
  });
});
