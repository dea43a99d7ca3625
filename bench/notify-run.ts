/**
 * Benchmark of a notification round at a kabupaten's size, written to bench/results/<date>-notify.md.
 * The real server loads the regions and the demo data, then the admin creates the accounts of a
 * kabupaten through the API (one per desa of Blitar, one per kecamatan, one per OPD). With the
 * server stopped, `sinergi notify --timing` runs three rounds on the same data: the first tells
 * every account what already waits, the next two find nothing new. Baseline, in the same run: the
 * inboxes of every account worked out alone, without a diff or a write (the floor of any sweep).
 * PGlite, the embedded engine a single office runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { regionsLoaded, signIn, startServer } from './hostile-server.ts';

const root = new URL('..', import.meta.url).pathname;
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

const dir = mkdtempSync(join(tmpdir(), 'sinergi-notify-'));
const dataDir = join(dir, 'data');
const server = await startServer(dataDir, 3293, join(dir, 'server.log'));
await regionsLoaded(server.url);
const admin = await signIn(server.url, 'admin');
const desa = readFileSync(join(root, 'reference-data/idm/idm_kab_blitar_2023_2024.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(',')[0]!);
const organisations = (
  JSON.parse((await admin.request('GET', '/api/organisations')).text) as { items: { id: string }[] }
).items;
const accounts = [
  ...desa.map((code, i) => ({ role: 'desa', regionCode: code, username: `bench.desa${i}` })),
  ...Array.from({ length: 22 }, (_, i) => ({
    role: 'kecamatan',
    regionCode: `35.05.${String(i + 1).padStart(2, '0')}`,
    username: `bench.kec${i}`,
  })),
  ...organisations.map((o, i) => ({ role: 'opd', organisationId: o.id, username: `bench.opd${i}` })),
];
for (const a of accounts) {
  const res = await admin.request('POST', '/api/users', {
    ...a,
    displayName: a.username,
    password: 'bench-passphrase-1',
  });
  if (res.status !== 201) throw new Error(`account ${a.username}: ${res.status} ${res.text}`);
}
server.process.kill('SIGTERM');
await new Promise((r) => server.process.once('exit', r));

const rounds = [1, 2, 3].map(() => {
  const out = execFileSync(
    process.execPath,
    ['apps/server/bin/sinergi.mjs', 'notify', '--timing', '--json'],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as {
    accounts: number;
    inboxesMs: number;
    sweepMs: number;
    notifications: number;
  };
});

const date = new Date().toISOString().slice(0, 10);
say(`# Sinergi notification benchmark, ${date}`);
say();
say(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}.`,
);
say(
  'Engine: PGlite (embedded). Accounts: the 6 demo accounts, one per desa of Kabupaten Blitar (220), one per kecamatan (22), one per OPD.',
);
say(
  'Baseline: the inboxes of every account worked out alone in the same process just before each sweep (no diff, no write): the floor of a sweep.',
);
say();
say('| round | accounts | inboxes alone (ms) | sweep (ms) | ratio | notifications written |');
say('|---|---|---|---|---|---|');
for (const [i, r] of rounds.entries())
  say(
    `| ${i + 1} | ${r.accounts} | ${r.inboxesMs} | ${r.sweepMs} | ${(r.sweepMs / r.inboxesMs).toFixed(2)} | ${r.notifications} |`,
  );
say();
say(
  'The first round tells every account what already waits; the next find nothing new and write nothing. A change asks for a round at most every 15 s after the last (notifier-loop.ts), and one runs every minute.',
);
writeFileSync(join(root, `bench/results/${date}-notify.md`), `${lines.join('\n')}\n`);
