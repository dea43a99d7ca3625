/**
 * Every page of the app in Chromium at 4x CPU throttle, written to bench/results/<date>-pages.md:
 * largest contentful paint, total blocking time, the JavaScript a first visit downloads (as sent,
 * brotli), and the DOM nodes. Each page opens in a fresh browser context (nothing cached), signed in
 * as the role that uses it, against the real server on the demo data. The baseline measured in the
 * same run is a bare HTML page (a heading and a paragraph, no script) under the same throttle: what
 * the machine and browser cost before any of our code runs.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { regionsLoaded, signIn, sleep, startServer } from './hostile-server.ts';

const root = new URL('..', import.meta.url).pathname;
const THROTTLE = 4;
/** Visits of each page, of which the median is given. */
const VISITS = 5;

/** What the page reports once it has settled. */
interface Measure {
  lcp: number;
  tbt: number;
  jsKb: number;
  nodes: number;
  /** The longest any API call of the visit took, from the page's request to the last byte. */
  apiMs: number;
  /** Of that, the part after the browser sent it (without its wait in the browser's queue). */
  apiSentMs: number;
  /** Its address, without the query. */
  api: string;
}

/** The browser's globals the measure uses (this project is typed for Node, not the DOM). */
interface Entry {
  name: string;
  startTime: number;
  duration: number;
  initiatorType?: string;
  encodedBodySize?: number;
}
interface InBrowser {
  __lcp: number;
  __long: { start: number; duration: number }[];
  PerformanceObserver: new (
    callback: (list: { getEntries(): Entry[] }) => void,
  ) => { observe(options: { type: string; buffered: boolean }): void };
  performance: { getEntriesByName(name: string): Entry[]; getEntriesByType(type: string): Entry[] };
  document: { getElementsByTagName(tag: string): { length: number } };
}

// Collected from the first byte: LCP entries and long tasks (the main thread blocked over 50 ms).
const observe = () => {
  const w = globalThis as unknown as InBrowser;
  w.__lcp = 0;
  w.__long = [];
  new w.PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__lcp = Math.max(w.__lcp, e.startTime);
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new w.PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

const BARE = '<!doctype html><title>Sinergi</title><h1>Sinergi</h1><p>Perencanaan pembangunan daerah.</p>';

/**
 * Waits until the page has drawn what it will: its elements unchanged for a second with nothing
 * loading (a lazy page whose chunk arrives after the session check draws after the network first
 * fell idle; on a slow machine a fixed second after that ended visits before the page was there).
 */
async function settled(page: Page) {
  const deadline = Date.now() + 20_000;
  let last = -1;
  while (Date.now() < deadline) {
    await page.waitForLoadState('networkidle');
    const nodes = await page.evaluate(
      () => (globalThis as unknown as InBrowser).document.getElementsByTagName('*').length,
    );
    if (nodes === last) return;
    last = nodes;
    await sleep(1000);
  }
}

/** One visit of `url` in a fresh context; the address `/bare` is answered with the bare page. */
async function measure(browser: Browser, url: string, cookie: string | null): Promise<Measure> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
  try {
    await context.route('**/bare', (route) => route.fulfill({ contentType: 'text/html', body: BARE }));
    if (cookie) {
      const [name, value] = cookie.split(';')[0]!.split('=');
      await context.addCookies([{ name: name!, value: value!, url: new URL(url).origin }]);
    }
    const page = await context.newPage();
    await page.addInitScript(observe);
    let api = { ms: 0, sent: 0, path: '' };
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (!path.startsWith('/api/')) return;
      const timing = request.timing();
      const ms = timing.responseEnd;
      if (ms > api.ms) api = { ms, sent: ms - Math.max(0, timing.requestStart), path };
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.goto(url, { waitUntil: 'networkidle' });
    await settled(page);
    // A page that sent its reader elsewhere (to sign in, to home) was not the page measured.
    if (new URL(page.url()).pathname !== new URL(url).pathname)
      throw new Error(`${url} ended at ${page.url()}`);
    // An LCP entry is final once the page has had input or is hidden; a click on nothing ends it.
    await page.mouse.click(1, 1);
    return await page
      .evaluate(() => {
        const w = globalThis as unknown as InBrowser;
        const fcp = w.performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
        const tbt = w.__long
          .filter((t) => t.start + t.duration > fcp)
          .reduce((s, t) => s + Math.max(0, t.duration - 50), 0);
        const js = w.performance
          .getEntriesByType('resource')
          .filter((e) => e.initiatorType === 'script' || /\.js$/.test(e.name))
          .reduce((s, e) => s + (e.encodedBodySize ?? 0), 0);
        return { lcp: w.__lcp, tbt, jsKb: js / 1024, nodes: w.document.getElementsByTagName('*').length };
      })
      .then((m) => ({ ...m, apiMs: api.ms, apiSentMs: api.sent, api: api.path }));
  } finally {
    await context.close();
  }
}

/**
 * The slowest API call of the visits, with its address (ids as :id): the whole wait, then the part
 * after the browser sent the request (the rest it spent queued behind the page's other requests).
 */
const slowest = (runs: readonly Measure[]) => {
  const worst = runs.reduce((a, b) => (b.apiMs > a.apiMs ? b : a));
  return worst.api
    ? `${worst.apiMs.toFixed(0)} (${worst.apiSentMs.toFixed(0)} sent) \`${worst.api.replace(/[0-9a-f-]{36}|\d{2}(\.\d+)+/g, ':id')}\``
    : '–';
};

/** The id of the first item of a list the API gives, for the pages of one item. */
async function firstId(url: string, path: string, cookie: string): Promise<string> {
  const body = (await (await fetch(`${url}${path}`, { headers: { cookie } })).json()) as {
    items?: { id: string }[];
  };
  if (!body.items?.[0]) throw new Error(`no item at ${path}`);
  return body.items[0].id;
}

const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

execSync('npm run -s build:web', {
  cwd: root,
  stdio: 'ignore',
  env: { ...process.env, NODE_ENV: 'production' },
});
const dir = mkdtempSync(join(tmpdir(), 'sinergi-pages-'));
const server = await startServer(join(dir, 'data'), 3293, join(dir, 'server.log'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
});
try {
  await regionsLoaded(server.url);
  const perencana = (await signIn(server.url, 'perencana')).cookie;
  const desa = (await signIn(server.url, 'desa.jaten')).cookie;
  const project = await firstId(server.url, '/api/projects', perencana);
  const proposal = await firstId(server.url, '/api/proposals?limit=1', perencana);
  const plan = await firstId(server.url, '/api/plans', perencana);
  const pages: [string, string, string | null][] = [
    ['sign-in', '/masuk', null],
    ['village index (public)', '/indeks-desa', null],
    ['desa scorecard (public)', '/indeks-desa/35.05.01.2001', null],
    ['region (public)', '/wilayah/35.05', null],
    ['projects (public)', '/proyek', null],
    ['project (public)', `/proyek/${project}`, null],
    ['plans (public)', '/perencanaan', null],
    ['plan (public)', `/perencanaan/${plan}`, null],
    ['targets (public)', '/capaian', null],
    ['poverty (public)', '/kemiskinan', null],
    ['participatory budgets (public)', '/anggaran-partisipatif', null],
    ['home (perencana)', '/', perencana],
    ['proposals (perencana)', '/usulan', perencana],
    ['proposal (perencana)', `/usulan/${proposal}`, perencana],
    ['scenarios (perencana)', '/skenario', perencana],
    ['programs (perencana)', '/program', perencana],
    ['new proposal (desa)', '/usulan/baru', desa],
    ['forums (desa)', '/forum', desa],
  ];
  const date = new Date().toISOString().slice(0, 10);
  say(`# Sinergi pages in Chromium, ${date}`);
  say();
  say(
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; Chromium headless at ${THROTTLE}x CPU throttle (DevTools), 1280x860, each page in a fresh context (nothing cached), the production build served compressed by \`sinergi serve\` on the demo data.`,
  );
  say();
  say(
    "LCP: largest contentful paint. TBT: total blocking time, the part over 50 ms of every long task after the first paint until the page settled (the network idle and its elements unchanged for a second). JS: the script bytes the visit downloaded, as sent (brotli). Median of five visits (the machine is shared: a single visit's TBT moved by 100 ms or more between turns); slowest API call: the longest any API request of the five visits took (the first visit finds the read cache of the server cold), from the page asking to the last byte, in brackets the part after the browser sent it (the rest it waited in the browser behind the page's other requests), and which.",
  );
  say();
  say('| page | path | LCP (ms) | TBT (ms) | JS (kB) | DOM nodes | slowest API call (ms) |');
  say('|---|---|---|---|---|---|---|');
  // `npm run bench:pages -- <part of a path>...` measures only those pages, and writes no file.
  const only = process.argv.slice(2);
  const chosen = only.length ? pages.filter(([, path]) => only.some((part) => path.includes(part))) : pages;
  for (const [label, path, cookie] of [['bare HTML page (baseline)', '/bare', null], ...chosen] as const) {
    const runs: Measure[] = [];
    for (let k = 0; k < VISITS; k++) runs.push(await measure(browser, `${server.url}${path}`, cookie));
    const med = (f: (m: Measure) => number) => runs.map(f).sort((a, b) => a - b)[1]!;
    say(
      `| ${label} | ${path === '/bare' ? '–' : `\`${path.replace(/[0-9a-f-]{36}/, ':id')}\``} | ${med((m) => m.lcp).toFixed(0)} | ${med((m) => m.tbt).toFixed(0)} | ${med((m) => m.jsKb).toFixed(0)} | ${med((m) => m.nodes)} | ${slowest(runs)} |`,
    );
  }
  say();
  if (!only.length) {
    const file = join(root, 'bench/results', `${date}-pages.md`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    console.log(`written: ${file}`);
  }
} finally {
  await browser.close();
  server.process.kill('SIGTERM');
  await new Promise((r) => server.process.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
