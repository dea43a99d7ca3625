import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, DEMO_PASSWORD, login, type Session, type TestApp } from '../../test/harness.ts';

/**
 * Every API route against every role. A = allowed, - = refused (401 for anonymous, 403 for a
 * signed-in role). Adding a route without a row here fails the first test.
 *                                  admin perencana opd kecamatan desa dprd warga public
 */
const matrix: Record<string, string> = {
  'GET /api/openapi.json': 'A A A A A A A A',
  'GET /api/health': 'A A A A A A A A',
  'GET /api/settings': 'A A A A A A A A',
  'GET /api/auth/session': 'A A A A A A A A',
  'POST /api/auth/login': 'A A A A A A A A',
  'POST /api/auth/logout': 'A A A A A A A -',
  'POST /api/auth/password': 'A A A A A A A -',
  'POST /api/auth/language': 'A A A A A A A A',
  'GET /api/users': 'A - - - - - - -',
  'POST /api/users': 'A - - - - - - -',
  'GET /api/users/:id': 'A - - - - - - -',
  'PATCH /api/users/:id': 'A - - - - - - -',
  'GET /api/organisations': 'A A A A A A A A',
  'POST /api/organisations': 'A - - - - - - -',
  'PATCH /api/organisations/:id': 'A - - - - - - -',
  'GET /api/regions': 'A A A A A A A A',
  'GET /api/regions/search': 'A A A A A A A A',
  'GET /api/regions/editions': 'A A A A A A A A',
  'GET /api/regions/boundaries': 'A A A A A A A A',
  'GET /api/regions/:code': 'A A A A A A A A',
  'POST /api/regions/load': 'A - - - - - - -',
  'GET /api/audit': 'A - - - - - - -',
  'GET /api/audit/entities': 'A - - - - - - -',
  'GET /api/settings/documents': 'A A A A A A A A',
  'PUT /api/settings/documents': 'A A - - - - - -',
  'GET /api/settings/documents/logo': 'A A A A A A A A',
  'POST /api/settings/documents/logo': 'A A - - - - - -',
  'DELETE /api/settings/documents/logo': 'A A - - - - - -',
  'GET /api/inbox': 'A A A A A A A -',
  'GET /api/notifications': 'A A A A A A A -',
  'POST /api/notifications/read': 'A A A A A A A -',
  'POST /api/notifications/:id/read': 'A A A A A A A -',
  'GET /api/notifications/settings': 'A A A A A A A -',
  'PUT /api/notifications/settings': 'A A A A A A A -',
  'GET /api/jobs': 'A A A A A A - -',
  'GET /api/jobs/:id': 'A A A A A A - -',
  'POST /api/jobs/:id/cancel': 'A A A A A A - -',
  'GET /api/backups': 'A - - - - - - -',
  'POST /api/backups': 'A - - - - - - -',
  'GET /api/backups/:name': 'A - - - - - - -',
  'GET /api/installation': 'A - - - - - - -',
  'POST /api/installation/governments': 'A - - - - - - -',
  'POST /api/installation/governments/:code/admin': 'A - - - - - - -',
  'GET /api/index/summary': 'A A A A A A A A',
  'GET /api/index/national': 'A A A A A A A A',
  'GET /api/index/results': 'A A A A A A A A',
  'GET /api/index/weakest': 'A A A A A A A A',
  'GET /api/index/desa/:code': 'A A A A A A A A',
  'GET /api/index/desa/:code/scorecard.pdf': 'A A A A A A A A',
  'GET /api/index/results.xlsx': 'A A A A A A A A',
  'GET /api/index/dashboard.xlsx': 'A A A A A A A A',
  'POST /api/index/imports/composites': 'A A - - - - - -',
  'POST /api/index/imports/template': 'A A - - - - - -',
  'GET /api/index/schemes': 'A A A A A A A A',
  'POST /api/index/schemes': 'A - - - - - - -',
  'POST /api/index/schemes/xlsx': 'A - - - - - - -',
  'GET /api/index/schemes/:id': 'A A A A A A A A',
  'GET /api/index/schemes/:id/scheme.xlsx': 'A A A A A A A A',
  'POST /api/index/imports/rumusan': 'A A - - - - - -',
  'GET /api/proposals': 'A A A A A A - -',
  'POST /api/proposals': 'A A A A A A - -',
  'GET /api/proposals/duplicates': 'A A A A A A - -',
  'GET /api/proposals/stages': 'A A A A A A A A',
  'GET /api/proposals/:id': 'A A A A A A - -',
  'POST /api/proposals/:id/decisions': 'A A A A A - - -',
  'POST /api/proposals/rollover': 'A A - - - - - -',
  'GET /api/proposals/sipd.xlsx': 'A A A A A A - -',
  'POST /api/proposals/import/sipd': 'A A - - - - - -',
  'POST /api/proposals/:id/photos': 'A A A A A A - -',
  'GET /api/proposals/:id/photos/:photoId': 'A A A A A A - -',
  'POST /api/aspirations': 'A A A A A A A A',
  'POST /api/aspirations/:code/photos': 'A A A A A A A A',
  'GET /api/track/:code': 'A A A A A A A A',
  'GET /api/public/proposals': 'A A A A A A A A',
  'GET /api/consultations': 'A A A A A A A A',
  'POST /api/consultations': 'A A - - - - - -',
  'GET /api/consultations/:id': 'A A A A A A A A',
  'POST /api/consultations/:id/open': 'A A - - - - - -',
  'POST /api/consultations/:id/close': 'A A - - - - - -',
  'POST /api/consultations/:id/comments': 'A A A A A A A -',
  'POST /api/consultation-comments/:id/answer': 'A A - - - - - -',
  'GET /api/consultations/:id/berita-acara.pdf': 'A A A A A A A A',
  'GET /api/partners': 'A A A A A A A A',
  'POST /api/partners': 'A A - - - - - -',
  'GET /api/partners/opportunities': 'A A A A A A A A',
  'GET /api/partners/:id': 'A A A A A A A A',
  'POST /api/partners/:id/agreements': 'A A - - - - - -',
  'POST /api/partners/:id/studies': 'A A - - - - - -',
  'GET /api/industry': 'A A A - - A - -',
  'POST /api/industry': 'A A A - - - - -',
  'GET /api/industry/analysis': 'A A A - - A - -',
  'GET /api/industry/sentra': 'A A A A A A A A',
  'POST /api/industry/sentra': 'A A A - - - - -',
  'GET /api/industry/trainings': 'A A A - - A - -',
  'POST /api/industry/trainings': 'A A A - - - - -',
  'GET /api/industry/trainings/:id': 'A A A - - A - -',
  'GET /api/industry/:id': 'A A A - - A - -',
  'PUT /api/industry/:id': 'A A A - - - - -',
  'PUT /api/industry/:id/reports/:year': 'A A A - - - - -',
  'GET /api/data': 'A A A A A A A A',
  'GET /api/data/catalog.jsonld': 'A A A A A A A A',
  'GET /api/data/:id': 'A A A A A A A A',
  'GET /api/data/:id/:format': 'A A A A A A A A',
  'GET /api/3/action/package_list': 'A A A A A A A A',
  'GET /api/3/action/package_show': 'A A A A A A A A',
  'GET /api/3/action/package_search': 'A A A A A A A A',
  'GET /api/3/action/datastore_search': 'A A A A A A A A',
  'GET /api/public/proposals/similar': 'A A A A A A A A',
  'GET /api/public/proposals/:code': 'A A A A A A A A',
  'GET /api/public/proposals/:code/photos/:photoId': 'A A A A A A A A',
  'GET /api/kamus': 'A A A A A A A A',
  'POST /api/kamus/import': 'A A - - - - - -',
  'GET /api/scenarios': 'A A A - - A - -',
  'POST /api/scenarios': 'A A - - - - - -',
  'GET /api/scenarios/compare': 'A A A - - A - -',
  'GET /api/scenarios/:id': 'A A A - - A - -',
  'PUT /api/scenarios/:id': 'A A - - - - - -',
  'POST /api/scenarios/:id/copy': 'A A - - - - - -',
  'POST /api/scenarios/:id/solve': 'A A - - - - - -',
  'GET /api/scenarios/:id/explain/:proposalId': 'A A A - - A - -',
  'POST /api/scenarios/:id/adopt': 'A A - - - - - -',
  'POST /api/scenarios/:id/explain': 'A A - - - - - -',
  'GET /api/scenarios/:id/report.xlsx': 'A A A - - A - -',
  'GET /api/pb/elections': 'A A A A A A A A',
  'POST /api/pb/elections': 'A A - A A - - -',
  'GET /api/pb/candidates': 'A A - A A - - -',
  'POST /api/pb/imports': 'A A - A A - - -',
  'GET /api/pb/receipts/:receipt': 'A A A A A A A A',
  'GET /api/pb/elections/:id/fingerprints': 'A A A A A A A A',
  'GET /api/pb/elections/:id': 'A A A A A A A A',
  'PUT /api/pb/elections/:id': 'A A - A A - - -',
  'POST /api/pb/elections/:id/open': 'A A - A A - - -',
  'POST /api/pb/elections/:id/close': 'A A - A A - - -',
  'POST /api/pb/elections/:id/voters': 'A A - A A - - -',
  'POST /api/pb/elections/:id/voters/import': 'A A - A A - - -',
  'POST /api/pb/elections/:id/slips': 'A A - A A - - -',
  'POST /api/pb/elections/:id/ballots': 'A A A A A A A A',
  'POST /api/pb/elections/:id/paper-ballots': 'A A - A A - - -',
  'POST /api/pb/elections/:id/count': 'A A - A A - - -',
  'POST /api/pb/elections/:id/override': 'A A - A A - - -',
  'POST /api/pb/elections/:id/establish': 'A A - A A - - -',
  'GET /api/pb/elections/:id/export.pb': 'A A A A A A A A',
  'GET /api/people': 'A A A A A - - -',
  'POST /api/people': 'A - - - A - - -',
  'GET /api/people.xlsx': 'A A A A A - - -',
  'POST /api/people/lookup': 'A A A A A - - -',
  'GET /api/people/:id': 'A A A A A - - -',
  'GET /api/umkm': 'A A A A A - - -',
  'POST /api/umkm': 'A - A - A - - -',
  'GET /api/umkm/:id': 'A A A A A - - -',
  'PUT /api/umkm/:id/records': 'A - A - A - - -',
  'GET /api/programs': 'A A A A A A - -',
  'POST /api/programs': 'A A A - - - - -',
  'GET /api/programs/:id': 'A A A A A A - -',
  'PUT /api/programs/:id': 'A A A - - - - -',
  'GET /api/programs/:id/enrolments': 'A A A A A A - -',
  'POST /api/programs/:id/enrolments': 'A A A - - - - -',
  'PATCH /api/enrolments/:id': 'A A A - - - - -',
  'PUT /api/enrolments/:id/measurements': 'A A A - - - - -',
  'GET /api/programs/:id/evaluation': 'A A A A A A - -',
  'GET /api/programs/:id/evaluation.pdf': 'A A A A A A - -',
  'GET /api/programs/:id/evaluation.xlsx': 'A A A A A A - -',
  'GET /api/poverty': 'A A A A A A A A',
  'POST /api/deciles': 'A A - - - - - -',
  'GET /api/programs/:id/cycles': 'A A A A A A - -',
  'POST /api/programs/:id/cycles': 'A A A - - - - -',
  'POST /api/cycles/:id/:action': 'A A A - - - - -',
  'GET /api/programs/:id/grievances': 'A A A A A A - -',
  'POST /api/programs/:id/grievances': 'A A A A A - - -',
  'PATCH /api/grievances/:id': 'A A A - - - - -',
  'GET /api/programs/:id/targeting': 'A A A A A A - -',
  'POST /api/surveys': 'A A - - - - - -',
  'GET /api/projects': 'A A A A A A A A',
  'POST /api/projects': 'A A A - - - - -',
  'POST /api/projects/from-proposal/:proposalId': 'A A A - - - - -',
  'GET /api/projects/bottlenecks': 'A A A A A A A A',
  'GET /api/roads': 'A A A A A A A A',
  'GET /api/projects/thresholds': 'A A A A A A A A',
  'PUT /api/projects/thresholds': 'A A - - - - - -',
  'GET /api/projects/export/progress.xlsx': 'A A A A A A A A',
  'POST /api/projects/import/progress': 'A - A - A - - -',
  'GET /api/oc4ids.json': 'A A A A A A A A',
  'GET /api/projects/monthly-report.pdf': 'A A A A A A A A',
  'GET /api/projects/monthly-report.xlsx': 'A A A A A A A A',
  'GET /api/projects/:id': 'A A A A A A A A',
  'POST /api/projects/:id/reports': 'A - A - A - - -',
  'POST /api/reports/:id/verify': 'A - A - - - - -',
  'POST /api/reports/:id/photos': 'A - A - A - - -',
  'GET /api/photos/:id': 'A A A A A A A A',
  'POST /api/projects/:id/permits': 'A A A - - - - -',
  'PUT /api/projects/:id/permits/:permitId': 'A A A - - - - -',
  'GET /api/plans': 'A A A A A A A A',
  'POST /api/plans': 'A A A - A - - -',
  'GET /api/plans/sync': 'A A A A A A A A',
  'GET /api/plans/drill': 'A A A A A A A A',
  'GET /api/plans/work-items': 'A A A A A A A A',
  'GET /api/plans/matrix.xlsx': 'A A A A A A A A',
  'GET /api/plans/matrix.pdf': 'A A A A A A A A',
  'GET /api/plans/province': 'A A A A A A A A',
  'GET /api/plans/province/sync': 'A A A A A A A A',
  'GET /api/plans/province/matrix.xlsx': 'A A A A A A A A',
  'GET /api/plans/province/matrix.pdf': 'A A A A A A A A',
  'GET /api/plans/province/kabupaten/:code/plans/:id': 'A A A A A A A A',
  'POST /api/plans/province/take': 'A A - - - - - -',
  'GET /api/plans/:id': 'A A A A A A A A',
  'GET /api/plans/:id/history': 'A A A - A - - -',
  'GET /api/plans/:id/link-targets': 'A A A A A A A A',
  'GET /api/plans/:id/template.xlsx': 'A A A A A A A A',
  'POST /api/plans/:id/import': 'A A A - A - - -',
  'POST /api/plans/:id/nodes': 'A A A - A - - -',
  'PATCH /api/plan-nodes/:id': 'A A A - A - - -',
  'POST /api/plan-nodes/:id/move': 'A A A - A - - -',
  'DELETE /api/plan-nodes/:id': 'A A A - A - - -',
  'PUT /api/plan-nodes/:id/links': 'A A A - A - - -',
  'POST /api/plan-nodes/:id/indicators': 'A A A - A - - -',
  'PUT /api/plan-indicators/:id': 'A A A - A - - -',
  'DELETE /api/plan-indicators/:id': 'A A A - A - - -',
  'PUT /api/proposals/:id/plan-node': 'A A A - A - - -',
  'GET /api/nomenclature': 'A A A A A A A A',
  'POST /api/nomenclature/import': 'A A - - - - - -',
  'GET /api/stats/series': 'A A A A A A A A',
  'POST /api/stats/series/import': 'A A - - - - - -',
  'GET /api/forums': 'A A A A A A - -',
  'POST /api/forums': 'A A - A A - - -',
  'GET /api/forums/:id': 'A A A A A A - -',
  'PUT /api/forums/:id/participants': 'A A - A A - - -',
  'PUT /api/forums/:id/agenda': 'A A - A A - - -',
  'PUT /api/forums/:id/scores': 'A A - A A - - -',
  'POST /api/forums/:id/close': 'A A - A A - - -',
  'POST /api/forums/:id/reopen': 'A A - A A - - -',
  'GET /api/forums/:id/berita-acara.pdf': 'A A A A A A - -',
  'GET /api/forums/:id/prioritas.xlsx': 'A A A A A A - -',
  'GET /api/index/worklist': 'A A - A A - - -',
  'GET /api/index/berita-acara': 'A A - A A - - -',
  'GET /api/index/entries/:code/:year': 'A A - A A - - -',
  'PUT /api/index/entries/:code/:year': '- - - - A - - -',
  'POST /api/index/entries/:code/:year/submit': '- - - - A - - -',
  'POST /api/index/entries/:code/:year/verify': '- - - A - - - -',
  'POST /api/index/entries/:code/:year/approve': 'A A - - - - - -',
  'POST /api/index/entries/:code/:year/return': 'A A - A - - - -',
  'POST /api/citizens/register': 'A A A A A A A A',
  'POST /api/citizens/verify': 'A A A A A A A A',
  'GET /api/public/proposals/:code/support': 'A A A A A A A A',
  'POST /api/public/proposals/:code/support': '- - - - - - A -',
  'DELETE /api/public/proposals/:code/support': '- - - - - - A -',
  'GET /api/public/proposals/:code/comments': 'A A A A A A A A',
  'POST /api/public/proposals/:code/comments': '- - - - - - A -',
  'POST /api/comments/:id/hide': 'A A - A A - - -',
  'GET /api/projects/:id/site-reports': 'A A A A A A A A',
  'POST /api/projects/:id/site-reports': '- - - - - - A -',
  'POST /api/site-reports/:id/photos': '- - - - - - A -',
  'GET /api/site-photos/:id': 'A A A A A A A A',
  'POST /api/site-reports/:id/answer': 'A - A - - - - -',
};

const roles = ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'] as const;
const usernames: Record<string, string> = {
  admin: 'admin',
  perencana: 'perencana',
  opd: 'opd.dpupr',
  kecamatan: 'kec.wonodadi',
  desa: 'desa.jaten',
  dprd: 'dprd',
  warga: 'warga',
};

let t: TestApp;
const sessions: Record<string, Session | null> = { public: null };
let userId = '';
let organisationId = '';
const ownJob: Record<string, string> = {};
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of roles) if (role !== 'public') sessions[role] = await login(t.app, usernames[role]!);
  const admin = sessions.admin!;
  userId = (await call(t.app, admin, { method: 'GET', url: '/api/users?q=dprd' })).json().items[0].id;
  organisationId = (await call(t.app, admin, { method: 'GET', url: '/api/organisations' })).json().items[0]
    .id;
  // Each signed-in role gets a job of its own, so "allowed" reads and cancels have something to act on.
  const { enqueueJob } = await import('../modules/jobs/jobs.service.ts');
  for (const role of roles) {
    if (role === 'public') continue;
    const info = (await call(t.app, sessions[role]!, { method: 'GET', url: '/api/auth/session' })).json();
    const job = await enqueueJob(
      t.ctx,
      { actor: { role: role as 'admin', userId: info.user.id }, name: role },
      { kind: 'noop', params: {} },
    );
    ownJob[role] = job.id;
  }
});
afterAll(() => t.close());

function sample(route: string, role: string) {
  const [method, url] = route.split(' ') as [string, string];
  n += 1;
  const jobId = ownJob[role] ?? ownJob.admin!;
  const path = url
    .replace(':code', '35.05.01.2001')
    .replace(':year', '2025')
    .replace(
      ':id',
      url.startsWith('/api/jobs')
        ? jobId
        : url.startsWith('/api/users')
          ? userId
          : url.startsWith('/api/index/schemes')
            ? 'idm-2016'
            : organisationId,
    );
  const payloads: Record<string, unknown> = {
    'POST /api/auth/login': { username: 'dprd', password: DEMO_PASSWORD },
    'POST /api/auth/password': { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD },
    'POST /api/auth/language': { language: 'en' },
    'POST /api/users': {
      username: `matrix${n}`,
      displayName: 'Matrix',
      password: 'matrix-passphrase',
      role: 'dprd',
    },
    'PATCH /api/users/:id': { displayName: `Anggota DPRD ${n}` },
    'POST /api/organisations': {
      code: `M${n}`,
      name: `Organisasi ${n}`,
      shortName: `Org ${n}`,
      kind: 'dinas',
    },
    'PATCH /api/organisations/:id': { shortName: `Setda ${n}` },
    'POST /api/regions/load': { force: false },
    'PUT /api/index/entries/:code/:year': { scores: {} },
    'PUT /api/settings/documents': {
      government: 'PEMERINTAH KABUPATEN BLITAR',
      office: 'BADAN PERENCANAAN PEMBANGUNAN DAERAH',
      address: '',
      place: 'Blitar',
      numberPattern: '{no}/BA-MUSRENBANG/{kode}/{bulan}/{tahun}',
    },
    'PUT /api/notifications/settings': { email: '', emailMode: 'off' },
  };
  const query =
    route === 'GET /api/regions/search' ? '?q=jaten' : route === 'GET /api/index/results' ? '?year=2024' : '';
  return { method, url: path + query, payload: payloads[route] ?? (method === 'GET' ? undefined : {}) };
}

describe('authorisation matrix', () => {
  it('has a row for every API route, and no row for a route that does not exist', () => {
    const actual = t.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    expect(actual).toEqual(Object.keys(matrix).sort());
  });

  for (const [route, row] of Object.entries(matrix)) {
    const cells = row.split(' ');
    it(`${route}: ${row}`, async () => {
      for (const [i, role] of roles.entries()) {
        const expected = cells[i];
        // Logging out would end the shared session: use a fresh one for that cell.
        const session =
          route === 'POST /api/auth/logout' && role !== 'public'
            ? await login(t.app, usernames[role]!)
            : sessions[role]!;
        const res = await call(t.app, session, sample(route, role));
        const refused = res.statusCode === 401 || res.statusCode === 403;
        expect(res.statusCode, `${role} -> ${route}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (expected === 'A')
          expect(
            refused,
            `${role} should be allowed ${route}: ${res.statusCode} ${res.body.slice(0, 200)}`,
          ).toBe(false);
        else expect(res.statusCode, `${role} should be refused ${route}`).toBe(role === 'public' ? 401 : 403);
      }
    });
  }

  it("keeps jobs in scope: a role sees its own job, not another account's", async () => {
    const other = await call(t.app, sessions.desa!, { method: 'GET', url: `/api/jobs/${ownJob.perencana}` });
    expect(other.statusCode).toBe(404);
    const own = await call(t.app, sessions.desa!, { method: 'GET', url: `/api/jobs/${ownJob.desa}` });
    expect(own.statusCode).toBe(200);
    const list = (await call(t.app, sessions.desa!, { method: 'GET', url: '/api/jobs' })).json().items;
    expect(list.map((j: { id: string }) => j.id)).toEqual([ownJob.desa]);
  });
});
