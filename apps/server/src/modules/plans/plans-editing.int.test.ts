import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { appWithAccounts, call } from '../../../test/harness.ts';
import { columnKey } from '../../reports/xlsx.ts';

const h = appWithAccounts(['perencana', 'desa.jaten', 'dprd', 'opd.dpupr']);
const { as } = h;
const make = async (url: string, body: unknown) => {
  const r = await as('perencana', 'POST', url, body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};

describe('editing a plan', () => {
  const tree = async () => {
    const id = await make('/api/plans', {
      kind: 'RPJMD',
      level: 'kabupaten',
      name: 'RPJMD sunting uji',
      startYear: 2025,
      endYear: 2029,
    });
    const a = await make(`/api/plans/${id}/nodes`, { kind: 'tujuan', title: 'Tujuan A' });
    const b = await make(`/api/plans/${id}/nodes`, { kind: 'tujuan', title: 'Tujuan B' });
    const a1 = await make(`/api/plans/${id}/nodes`, { kind: 'sasaran', title: 'Sasaran A1', parentId: a });
    return { id, a, b, a1 };
  };
  const order = async (id: string) =>
    (await as(null, 'GET', `/api/plans/${id}`)).json().nodes.map((n: { title: string }) => n.title);

  it('changes, moves and deletes items, refuses loops and items others rely on, and keeps the history', async () => {
    const { id, a, b, a1 } = await tree();
    expect(await order(id)).toEqual(['Tujuan A', 'Sasaran A1', 'Tujuan B']);
    const patch = await as('perencana', 'PATCH', `/api/plan-nodes/${a1}`, {
      title: 'Sasaran A1 baru',
      budget: { '2026': 5 },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    // Moving A under its own child would make a loop.
    const loop = await as('perencana', 'POST', `/api/plan-nodes/${a}/move`, { parentId: a1, position: 0 });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().issues[0]).toMatchObject({ field: 'body.parentId', issue: 'plan_cycle' });
    // The sasaran moves under B; then B moves before A.
    expect(
      (await as('perencana', 'POST', `/api/plan-nodes/${a1}/move`, { parentId: b, position: 0 })).statusCode,
    ).toBe(200);
    expect(
      (await as('perencana', 'POST', `/api/plan-nodes/${b}/move`, { parentId: null, position: 0 }))
        .statusCode,
    ).toBe(200);
    expect(await order(id)).toEqual(['Tujuan B', 'Sasaran A1 baru', 'Tujuan A']);
    // B has a child; A1 is supported by a desa item: neither can go.
    const del = await as('perencana', 'DELETE', `/api/plan-nodes/${b}`);
    expect(del.statusCode).toBe(400);
    expect(del.json().issues[0].issue).toBe('plan_has_children');
    const desa = await make('/api/plans', {
      kind: 'RKPDes',
      level: 'desa',
      name: 'RKPDes sunting uji',
      startYear: 2026,
      endYear: 2026,
      owner: '35.05.01.2001',
    });
    const item = await make(`/api/plans/${desa}/nodes`, {
      kind: 'rkpdes',
      title: 'Item desa',
      supports: [a1],
    });
    const held = await as('perencana', 'DELETE', `/api/plan-nodes/${a1}`);
    expect(held.json().issues[0]).toMatchObject({ issue: 'plan_supported' });
    expect(held.json().issues[0].message).toContain('1 butir');
    expect(held.json().issues[0].message).toContain('"Item desa" (RKPDes sunting uji)');
    expect((await as('perencana', 'DELETE', `/api/plan-nodes/${item}`)).statusCode).toBe(200);
    expect((await as('perencana', 'DELETE', `/api/plan-nodes/${a1}`)).statusCode).toBe(200);
    expect(await order(id)).toEqual(['Tujuan B', 'Tujuan A']);
    // The history names each change, newest first, with the title and what it was before.
    const h = (await as('perencana', 'GET', `/api/plans/${id}/history`)).json().items;
    expect(h.map((x: { action: string }) => x.action).slice(0, 5)).toEqual([
      'plan.node_deleted',
      'plan.node_moved',
      'plan.node_moved',
      'plan.node_changed',
      'plan.node_added',
    ]);
    expect(h[3].before).toMatchObject({ title: 'Sasaran A1', budget: {} });
    expect(h[3].after).toMatchObject({ title: 'Sasaran A1 baru', budget: { '2026': 5 } });
    expect(h[0].actor).toBeTruthy();
    // The history is for the offices, not the public.
    expect((await as(null, 'GET', `/api/plans/${id}/history`)).statusCode).toBe(401);
  });

  it('links only upward or to the owner’s own longer-term plan, and offers just those to link to', async () => {
    const plans = (await as(null, 'GET', '/api/plans')).json().items as { id: string; name: string }[];
    const byName = (n: string) => plans.find((p) => p.name.startsWith(n))!.id;
    const nodesOf = async (id: string) =>
      (await as(null, 'GET', `/api/plans/${id}`)).json().nodes as { id: string; title: string }[];
    const kolomayan = (await nodesOf(byName('RKPDes Kolomayan')))[0]!;
    const jaten = (await nodesOf(byName('RKPDes Jaten')))[0]!;
    // One desa's RKPDes may not support another's.
    const peer = await as('perencana', 'PUT', `/api/plan-nodes/${jaten.id}/links`, {
      supports: [kolomayan.id],
    });
    expect(peer.statusCode).toBe(400);
    expect(peer.json().issues[0]).toMatchObject({ field: 'body.supports.0', issue: 'plan_not_higher' });
    // A Renja is offered its own Renstra's program and the kabupaten's targets, not another OPD's Renstra.
    const offered = (await as(null, 'GET', `/api/plans/${byName('Renja DINSOS')}/link-targets`)).json()
      .items as { plan: string; title: string }[];
    const offeredPlans = new Set(offered.map((x) => x.plan));
    expect(offeredPlans.has('Renstra DINSOS 2025–2029 (contoh)')).toBe(true);
    expect(offeredPlans.has('Renstra DISKOPUM 2025–2029 (contoh)')).toBe(false);
    expect(offered.map((x) => x.title)).toContain('Menurunnya persentase penduduk miskin');
    // The RPJMD is offered the national priorities only.
    const forRpjmd = (await as(null, 'GET', `/api/plans/${byName('RPJMD Kab. Blitar')}/link-targets`)).json()
      .items as { plan: string }[];
    // (The other RPJPN is the hand-checked set of the first test.)
    expect(forRpjmd.map((x) => x.plan)).toContain('RPJPN 2025–2045 (sasaran utama)');
    expect(forRpjmd.every((x) => x.plan.startsWith('RPJPN'))).toBe(true);
  });

  it('lets an OPD edit its own plans only, and a desa create only its own', async () => {
    const { id } = await tree();
    expect(
      (await as('opd.dpupr', 'POST', `/api/plans/${id}/nodes`, { kind: 'program', title: 'Program liar' }))
        .statusCode,
    ).toBe(403);
    const own = await as('opd.dpupr', 'POST', '/api/plans', {
      kind: 'Renja',
      level: 'opd',
      name: 'Renja DPUPR sendiri',
      startYear: 2026,
      endYear: 2026,
      owner: 'DINKES',
    });
    expect(own.statusCode, own.body).toBe(201);
    const plan = (await as(null, 'GET', `/api/plans/${own.json().id}`)).json();
    // The owner is the OPD itself, whatever the body said.
    expect(plan.owner).toBe('DPUPR');
    expect(
      (
        await as('opd.dpupr', 'POST', `/api/plans/${plan.id}/nodes`, {
          kind: 'program',
          title: 'Program jalan',
        })
      ).statusCode,
    ).toBe(201);
    const wrong = await as('desa.jaten', 'POST', '/api/plans', {
      kind: 'RPJMD',
      level: 'kabupaten',
      name: 'Bukan milik desa',
      startYear: 2025,
      endYear: 2029,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0]).toMatchObject({ field: 'body.level', issue: 'wrong_level' });
  });

  it('links a Musrenbang proposal to the Renja program that would fund it, and only to such an item', async () => {
    const list = (await as('perencana', 'GET', '/api/proposals?limit=5')).json().items;
    const proposal = list[0];
    const plans = (await as(null, 'GET', '/api/plans')).json().items;
    const renja = plans.find(
      (p: { kind: string; name: string }) => p.kind === 'Renja' && p.name.includes('DINSOS'),
    );
    const program = (await as(null, 'GET', `/api/plans/${renja.id}`))
      .json()
      .nodes.find((n: { kind: string }) => n.kind === 'program');
    const rpjmd = plans.find((p: { kind: string }) => p.kind === 'RPJMD');
    const goal = (await as(null, 'GET', `/api/plans/${rpjmd.id}`)).json().nodes[0];
    const bad = await as('perencana', 'PUT', `/api/proposals/${proposal.id}/plan-node`, { nodeId: goal.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({ field: 'body.nodeId', issue: 'plan_not_work' });
    const ok = await as('perencana', 'PUT', `/api/proposals/${proposal.id}/plan-node`, {
      nodeId: program.id,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await as('perencana', 'GET', `/api/plans/${renja.id}`))
      .json()
      .nodes.find((n: { id: string }) => n.id === program.id);
    expect(after.proposals.map((x: { id: string }) => x.id)).toContain(proposal.id);
    // The public sees the plan but not the proposals.
    const anonymous = (await as(null, 'GET', `/api/plans/${renja.id}`))
      .json()
      .nodes.find((n: { id: string }) => n.id === program.id);
    expect(anonymous.proposals).toEqual([]);
    expect(
      (await as('desa.jaten', 'PUT', `/api/proposals/${proposal.id}/plan-node`, { nodeId: null })).statusCode,
    ).toBe(403);
  });
});

describe('plan templates, nomenclature and statistics from files', () => {
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const upload = (url: string, payload: Buffer, type = xlsx) =>
    call(h.t.app, h.session('perencana'), {
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': type },
    });
  const book = async (data: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    return wb;
  };
  const cellOf = (ws: ExcelJS.Worksheet, row: number, name: string) => {
    const header = (ws.getRow(1).values as string[]).slice(1).map(columnKey);
    return ws.getRow(row).getCell(header.indexOf(name) + 1);
  };

  it('round-trips a plan: unchanged file changes nothing; edits, new rows and indicators come back; a bad file is refused whole', async () => {
    const plans = (await as(null, 'GET', '/api/plans')).json().items;
    const rpjmd = plans.find((p: { kind: string; sample: boolean }) => p.kind === 'RPJMD' && p.sample);
    const before = (await as(null, 'GET', `/api/plans/${rpjmd.id}`)).json();
    const file = await as(null, 'GET', `/api/plans/${rpjmd.id}/template.xlsx`);
    expect(file.statusCode).toBe(200);
    // The unchanged file: nothing created or updated.
    const same = await upload(`/api/plans/${rpjmd.id}/import`, file.rawPayload);
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toEqual({ created: 0, updated: 0, unchanged: before.nodes.length, indicators: 0 });
    const again = (await as(null, 'GET', `/api/plans/${rpjmd.id}`)).json();
    expect(again.nodes.map((n: { id: string; title: string }) => [n.id, n.title])).toEqual(
      before.nodes.map((n: { id: string; title: string }) => [n.id, n.title]),
    );
    // The 2045 target outside the plan's period survives the trip.
    const poverty = again.nodes
      .flatMap((n: { indicators: { name: string; targets: Record<string, number> }[] }) => n.indicators)
      .find((i: { name: string }) => i.name === 'Persentase penduduk miskin');
    expect(poverty.targets['2045']).toBe(0.8);

    // Edit a title, add a sasaran under the first tujuan with an indicator.
    const wb = await book(file.rawPayload);
    const tree = wb.getWorksheet('Pohon')!;
    cellOf(tree, 2, 'uraian').value = 'Meningkatkan kualitas SDM (diubah)';
    const firstKey = String(cellOf(tree, 2, 'kunci').value);
    const row = tree.rowCount + 1;
    cellOf(tree, row, 'kunci').value = 'BARU-1';
    cellOf(tree, row, 'induk').value = firstKey;
    cellOf(tree, row, 'jenis').value = 'sasaran';
    cellOf(tree, row, 'uraian').value = 'Meningkatnya cakupan air minum layak';
    const ind = wb.getWorksheet('Indikator')!;
    const irow = ind.rowCount + 1;
    for (const [k, v] of Object.entries({
      kunci: '',
      kunci_butir: 'BARU-1',
      nama: 'Cakupan air minum layak',
      satuan: '%',
      arah: 'naik',
      aditif: 'tidak',
      tahun_dasar: 2024,
      nilai_dasar: 81.5,
      target_2029: 95,
    }))
      cellOf(ind, irow, k).value = v;
    const edited = await upload(`/api/plans/${rpjmd.id}/import`, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ created: 1, updated: 1, indicators: 1 });
    // The same file again changes nothing: the new row and its indicator are found by their keys.
    const twice = await upload(`/api/plans/${rpjmd.id}/import`, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(twice.json()).toMatchObject({ created: 0, updated: 0, indicators: 0 });
    // Each item's change is in the history with what it was.
    const history = (await as('perencana', 'GET', `/api/plans/${rpjmd.id}/history`)).json().items as {
      action: string;
      before: { title?: string } | null;
      after: { title?: string; source?: string } | null;
    }[];
    expect(history).toContainEqual(
      expect.objectContaining({
        action: 'plan.node_added',
        after: expect.objectContaining({ title: 'Meningkatnya cakupan air minum layak', source: 'import' }),
      }),
    );
    const retitled = history.find(
      (e) => e.action === 'plan.node_changed' && e.after?.title === 'Meningkatkan kualitas SDM (diubah)',
    );
    expect(retitled?.before?.title).toBe(before.nodes[0].title);
    const now = (await as(null, 'GET', `/api/plans/${rpjmd.id}`)).json();
    const added = now.nodes.find(
      (n: { title: string }) => n.title === 'Meningkatnya cakupan air minum layak',
    );
    expect(added.parentId).toBe(firstKey);
    expect(added.indicators[0]).toMatchObject({
      name: 'Cakupan air minum layak',
      baselineValue: 81.5,
      targets: { '2029': 95 },
    });

    // A bad file: every problem named by sheet, line and column; nothing written.
    const bad = await book(file.rawPayload);
    const bt = bad.getWorksheet('Pohon')!;
    cellOf(bt, 2, 'uraian').value = 'Judul yang tidak boleh tersimpan';
    cellOf(bt, 3, 'jenis').value = 'bukan-jenis';
    cellOf(bt, 4, 'induk').value = 'TIDAK-ADA';
    cellOf(bt, 5, 'pagu_2026').value = 'satu juta';
    const bi = bad.getWorksheet('Indikator')!;
    cellOf(bi, 2, 'arah').value = 'ke atas';
    const refused = await upload(`/api/plans/${rpjmd.id}/import`, Buffer.from(await bad.xlsx.writeBuffer()));
    expect(refused.statusCode).toBe(400);
    const fields = refused.json().issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'sheet Pohon, line 3, column jenis',
        'sheet Pohon, line 4, column induk',
        'sheet Pohon, line 5, column pagu_2026',
        'sheet Indikator, line 2, column arah',
      ]),
    );
    // In the user's language: "lembar Pohon, baris 4, kolom induk".
    expect(refused.json().issues.find((i: { field: string }) => i.field.endsWith('induk')).message).toContain(
      'TIDAK-ADA',
    );
    const unchanged = (await as(null, 'GET', `/api/plans/${rpjmd.id}`)).json();
    expect(unchanged.nodes[0].title).toBe('Meningkatkan kualitas SDM (diubah)');
    // Not a workbook at all.
    const junk = await upload(`/api/plans/${rpjmd.id}/import`, Buffer.from('bukan berkas'));
    expect(junk.statusCode).toBe(400);
  });

  it('imports the nomenclature list and finds items by code or words', async () => {
    const csv =
      'kode,uraian,kinerja,indikator,satuan\n1.03.10,Program Penyelenggaraan Jalan,,,\n1.03.10.2.01,Penyelenggaraan Jalan Kabupaten/Kota,Jalan mantap,Panjang jalan yang ditingkatkan,km\n1.03.10.2.01.0018,Rehabilitasi Jalan,Jalan terehabilitasi,Panjang jalan yang direhabilitasi,km\n';
    const r = await upload('/api/nomenclature/import', Buffer.from(csv), 'text/csv');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().rows).toBe(3);
    // Importing again changes nothing but the import time.
    expect((await upload('/api/nomenclature/import', Buffer.from(csv), 'text/csv')).json().rows).toBe(3);
    const found = (await as(null, 'GET', '/api/nomenclature?q=rehabilitasi%20jalan')).json().items;
    expect(found).toEqual([
      expect.objectContaining({ code: '1.03.10.2.01.0018', level: 'subkegiatan', unit: 'km' }),
    ]);
    expect(
      (await as(null, 'GET', '/api/nomenclature?q=1.03.10&level=kegiatan'))
        .json()
        .items.map((x: { code: string }) => x.code),
    ).toEqual(['1.03.10.2.01']);
    // The shipped program list is there from the start.
    expect((await as(null, 'GET', '/api/nomenclature?q=3.27.02')).json().items[0].title).toBe(
      'Program Penyediaan dan Pengembangan Sarana Pertanian',
    );
    const bad = await upload(
      '/api/nomenclature/import',
      Buffer.from('kode,uraian\nA.B,Judul\n1.01,Ok lagi\n1.01,Dua kali\n'),
      'text/csv',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { field: string; issue: string }) => `${i.field}: ${i.issue}`)).toEqual([
      'line 2, column kode: invalid_format',
      'line 2, column tingkat: nomenclature_level',
      'line 4, column kode: duplicate_row',
    ]);
  });

  it('imports a statistics series, and a linked indicator takes the new figure as its realisation', async () => {
    const csv =
      'indicator,region,year,value,source\npersentase_penduduk_miskin_P0,35.05,2026,7.1,BPS Kab. Blitar (uji)\n';
    const r = await upload('/api/stats/series/import', Buffer.from(csv), 'text/csv');
    expect(r.statusCode, r.body).toBe(200);
    const plans = (await as(null, 'GET', '/api/plans')).json().items;
    const rpjmd = plans.find((p: { kind: string; sample: boolean }) => p.kind === 'RPJMD' && p.sample);
    const ind = (await as(null, 'GET', `/api/plans/${rpjmd.id}`))
      .json()
      .nodes.flatMap((n: { indicators: unknown[] }) => n.indicators)
      .find((i: { name: string }) => i.name === 'Persentase penduduk miskin');
    // Target 7.5, realisation 7.1, lower is better: 105.6 %.
    expect(ind.byYear.find((y: { year: number }) => y.year === 2026)).toMatchObject({
      realisation: 7.1,
      source: 'BPS Kab. Blitar (uji)',
      light: 'hijau',
    });
    const series = (
      await as(null, 'GET', '/api/stats/series?indicator=persentase_penduduk_miskin_P0&region=35.05')
    ).json().items;
    // Every stored value is a number (a row such as "22 / 220 / 28" is not loaded).
    const all = (await as(null, 'GET', '/api/stats/series')).json();
    expect(all.items.every((x: { value: unknown }) => typeof x.value === 'number')).toBe(true);
    expect(all.indicators.map((x: { indicator: string }) => x.indicator)).not.toContain(
      'jumlah_kecamatan_desa_kelurahan',
    );
    expect(series.map((x: { year: number }) => x.year)).toEqual(
      expect.arrayContaining([2015, 2016, 2023, 2024, 2025, 2026]),
    );
    const bad = await upload(
      '/api/stats/series/import',
      Buffer.from('indicator,region,year,value,source\nx_y,99.99,20,abc,\n'),
      'text/csv',
    );
    expect(bad.json().issues.map((i: { field: string; issue: string }) => `${i.field}: ${i.issue}`)).toEqual([
      'line 2, column region: region_unknown',
      'line 2, column year: year_range',
      'line 2, column value: not_a_number',
      'line 2, column source: required',
    ]);
  });
});
