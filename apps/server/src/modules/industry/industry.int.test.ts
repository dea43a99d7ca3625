import { describe, expect, it } from 'vitest';
import { appWithAccounts } from '../../../test/harness.ts';

/** The industry registry, its emissions, the series it feeds, the analysis and the trainings (issue 21). */
const h = appWithAccounts(['perencana', 'opd.dpupr', 'dprd', 'desa.jaten']);
const lastYear = new Date().getFullYear() - 1;
const business = {
  name: 'CV Tahu Sehat (uji)',
  kbli: '10392',
  scale: 'kecil',
  desaCode: '35.05.10.2004',
  product: 'Tahu',
  envPermit: 'sppl',
  certificates: [{ kind: 'halal', number: 'ID3511000099' }],
};
const report = {
  workforce: 12,
  productionValue: 2_000_000_000,
  electricityKwh: 10_000,
  fuel: { solar: 1000 },
  wastewaterM3: 800,
  wastewaterCodKg: 10_000,
  wastewaterTreatment: 'aerob_baik',
};

describe('industry registry', () => {
  it('registers a business by field rules, and keeps its figures from those who do not serve it', async () => {
    const wrong = await h.as('opd.dpupr', 'POST', '/api/industry', {
      ...business,
      kbli: '47111',
      desaCode: '35.06.01.2001',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues.map((i: { field: string; issue: string }) => [i.field, i.issue])).toEqual([
      ['body.kbli', 'kbli_manufacturing'],
    ]);
    expect(wrong.json().detail).toMatch(/Kode KBLI/);
    const outside = await h.as('opd.dpupr', 'POST', '/api/industry', {
      ...business,
      desaCode: '35.06.01.2001',
    });
    expect(outside.json().issues[0]).toMatchObject({ field: 'body.desaCode', issue: 'not_a_desa_here' });
    const created = await h.as('opd.dpupr', 'POST', '/api/industry', business);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await h.as('desa.jaten', 'GET', `/api/industry/${id}`)).statusCode).toBe(403);
    expect((await h.as(null, 'GET', '/api/industry')).statusCode).toBe(401);
    expect((await h.as('dprd', 'GET', `/api/industry/${id}`)).statusCode).toBe(200);
    expect((await h.as('dprd', 'PUT', `/api/industry/${id}/reports/${lastYear}`, report)).statusCode).toBe(
      403,
    );
  });

  it('estimates emissions from a report and feeds the year total to the statistics series', async () => {
    const id = (
      await h.as('perencana', 'POST', '/api/industry', { ...business, name: 'PT Emisi (uji)' })
    ).json().id;
    const saved = await h.as('perencana', 'PUT', `/api/industry/${id}/reports/${lastYear}`, report);
    expect(saved.statusCode, saved.body).toBe(200);
    const detail = (await h.as('perencana', 'GET', `/api/industry/${id}`)).json();
    // 10 MWh x 0.817 + 1,000 L solar (2.685 t); aerobic treatment, well managed, emits no methane.
    expect(detail.reports[0].emissions).toMatchObject({ scope2: 8.17, wastewater: 0 });
    expect(detail.reports[0].emissions.total).toBeCloseTo(10.855, 3);
    expect(detail.reports[0].emissions.intensity).toBeCloseTo(5.4275, 4);
    // Untreated, the same COD load emits 10,000 x 0.25 x 0.1 kg CH4 x 28.
    await h.as('perencana', 'PUT', `/api/industry/${id}/reports/${lastYear}`, {
      ...report,
      wastewaterTreatment: 'tanpa_olah',
    });
    const again = (await h.as('perencana', 'GET', `/api/industry/${id}`)).json();
    expect(again.reports).toHaveLength(1);
    expect(again.reports[0].emissions.wastewater).toBe(7);
    // A future year, or a COD load without its treatment, is refused by field.
    const future = await h.as('perencana', 'PUT', `/api/industry/${id}/reports/${lastYear + 2}`, report);
    expect(future.json().issues[0]).toMatchObject({ field: 'params.year', issue: 'date_in_future' });
    const noTreatment = await h.as('perencana', 'PUT', `/api/industry/${id}/reports/${lastYear}`, {
      ...report,
      wastewaterTreatment: null,
    });
    expect(noTreatment.json().issues[0]).toMatchObject({
      field: 'body.wastewaterTreatment',
      issue: 'required',
    });
    // The series holds the year's registry totals, the same the analysis computes.
    const analysis = (await h.as('perencana', 'GET', `/api/industry/analysis?year=${lastYear}`)).json();
    const trend = analysis.trend.find((t: { year: number }) => t.year === lastYear);
    const series = (
      await h.as(null, 'GET', `/api/stats/series?indicator=industri_nilai_produksi&region=35.05`)
    ).json();
    const point = JSON.stringify(series).match(new RegExp(`"year":${lastYear},"value":(\\d+)`));
    expect(Number(point?.[1])).toBe(trend.productionValue);
    const shares = analysis.bySector.reduce((s: number, g: { share: number }) => s + g.share, 0);
    expect(shares).toBeCloseTo(1, 6);
    expect(analysis.trend[0].netZeroPath).toBe(analysis.trend[0].intensity);
    expect(analysis.trend.at(-1).netZeroPath).toBeLessThan(analysis.trend[0].netZeroPath);
  });

  it('reads the PDRB structure with location quotients, marked when the figures are a sample', async () => {
    const { pdrb, pdrbSample } = (await h.as('dprd', 'GET', '/api/industry/analysis')).json();
    expect(pdrbSample).toBe(true);
    const manufacturing = pdrb.filter((p: { category: string }) => p.category === 'C');
    expect(manufacturing.length).toBeGreaterThan(0);
    // The sample gives the kabupaten a smaller manufacturing share than the province.
    expect(manufacturing[0].locationQuotient).toBeLessThan(1);
  });

  it('shows the sentra to everyone and records a new one in a desa of the kabupaten', async () => {
    const list = (await h.as(null, 'GET', '/api/industry/sentra')).json().items;
    expect(list.length).toBeGreaterThan(0);
    expect(list.some((s: { businesses: number }) => s.businesses > 0)).toBe(true);
    const half = await h.as('opd.dpupr', 'POST', '/api/industry/sentra', {
      name: 'Sentra Gerabah (uji)',
      product: 'Gerabah',
      desaCode: '35.05.10.2004',
      latitude: -8.1,
    });
    expect(half.json().issues[0]).toMatchObject({ field: 'body.longitude', issue: 'required' });
    const ok = await h.as('opd.dpupr', 'POST', '/api/industry/sentra', {
      name: 'Sentra Gerabah (uji)',
      product: 'Gerabah',
      desaCode: '35.05.10.2004',
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('evaluates a green training against untrained businesses of the same divisions', async () => {
    const trainings = (await h.as('perencana', 'GET', '/api/industry/trainings')).json().items;
    const sample = trainings.find((t: { title: string }) => /contoh/.test(t.title));
    const detail = (await h.as('dprd', 'GET', `/api/industry/trainings/${sample.id}`)).json();
    expect(detail.evaluation.measured.participants).toBeGreaterThan(5);
    const energy = detail.evaluation.outcomes.find((o: { indicator: string }) => o.indicator === 'energyGj');
    // The sample's participants cut their energy by 12-20 %: the effect is negative and clear.
    expect(energy.effect.estimate).toBeLessThan(0);
    expect(energy.effect.significant).toBe(true);
    const bad = await h.as('perencana', 'POST', '/api/industry/trainings', {
      title: 'Pelatihan (uji)',
      year: lastYear,
      organiser: 'Disperindag',
      participants: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.json().issues[0]).toMatchObject({ field: 'body.participants.0', issue: 'invalid_reference' });
  });

  it("measures an RPIK indicator by the registry: its realisations are the registry's yearly totals", async () => {
    const make = async (url: string, body: unknown) => {
      const r = await h.as('perencana', 'POST', url, body);
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const rpik = await make('/api/plans', {
      kind: 'RPIK',
      level: 'kabupaten',
      name: 'RPIK dari registri (uji)',
      startYear: lastYear - 2,
      endYear: lastYear + 8,
    });
    const goal = await make(`/api/plans/${rpik}/nodes`, { kind: 'sasaran', title: 'Industri hijau tumbuh' });
    await make(`/api/plan-nodes/${goal}/indicators`, {
      name: 'Intensitas emisi industri',
      unit: 't CO2e per Rp1 miliar',
      direction: 'lower',
      baselineYear: lastYear - 2,
      baselineValue: 25,
      targets: { [String(lastYear)]: 20 },
      seriesIndicator: 'industri_intensitas_emisi',
    });
    const plan = (await h.as('perencana', 'GET', `/api/plans/${rpik}`)).json();
    const indicator = plan.nodes.find((n: { id: string }) => n.id === goal).indicators[0];
    const analysis = (await h.as('perencana', 'GET', `/api/industry/analysis?year=${lastYear}`)).json();
    const trend = analysis.trend.find((t: { year: number }) => t.year === lastYear);
    const row = indicator.byYear.find((y: { year: number }) => y.year === lastYear);
    expect(row.realisation).toBe(trend.intensity);
    expect(row.source).toMatch(/Registri industri/);
  });

  it('keeps the year total right when two reports of the year are saved at once', async () => {
    const year = lastYear - 3;
    const ids = await Promise.all(
      ['PT Serentak A (uji)', 'PT Serentak B (uji)'].map(
        async (name) =>
          (await h.as('perencana', 'POST', '/api/industry', { ...business, name })).json().id as string,
      ),
    );
    const saved = await Promise.all(
      ids.map((id, i) =>
        h.as('perencana', 'PUT', `/api/industry/${id}/reports/${year}`, {
          ...report,
          productionValue: (i + 1) * 1_000_000_000,
        }),
      ),
    );
    expect(saved.map((r) => r.statusCode)).toEqual([200, 200]);
    const series = (
      await h.as(null, 'GET', `/api/stats/series?indicator=industri_nilai_produksi&region=35.05`)
    ).json();
    const point = JSON.stringify(series).match(new RegExp(`"year":${year},"value":(\\d+)`));
    expect(Number(point?.[1])).toBe(3_000_000_000);
  });
});
