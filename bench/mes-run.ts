/**
 * Equal Shares with Add1, Sinergi's exact rule against the equalshares.net compute tool, written to
 * bench/results/<date>-mes.md. The tool is not part of Sinergi: give a checkout of
 * github.com/equalshares/equalshares-compute-tool as EQUALSHARES_TOOL and its worker is run
 * unchanged in this process (its float mode; its fractions mode on Wieliczka, which it ships as a
 * .pb file). Without it only Sinergi's times are written. Same instances: Wieliczka 2023 (green
 * budget), and 10,000 x 100 and 100,000 x 200 generated from a fixed seed (bench/allocation.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import type { Election } from '@sinergi/core';
import { bundled } from '../apps/server/src/cli/bundle.mjs';
import { add1Help, add1HelperReady, add1HelperRuns } from '../apps/server/src/modules/pb/add1-helper.ts';
import { pbInstance } from './allocation.ts';

// Sinergi's rules as `sinergi pb run` runs them: from an esbuild bundle (apps/server/src/cli/bundle.mjs),
// not file by file through tsx, which ran the same code about 15 % slower here.
const bundle = await bundled(
  new URL('../packages/core/src/pb/index.ts', import.meta.url),
  join(tmpdir(), 'sinergi-bench-pb'),
);
if (!bundle) throw new Error('the rules could not be bundled');
const { equalSharesAdd1, parsePb } = (await import(
  pathToFileURL(bundle).href
)) as typeof import('@sinergi/core');

const root = new URL('..', import.meta.url).pathname;
const tool = process.env.EQUALSHARES_TOOL;
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

/** The tool's worker in a context of its own: importScripts loads its fraction library, postMessage is dropped. */
function loadTool(dir: string) {
  const context: Record<string, unknown> = { console, performance, postMessage: () => {} };
  context.importScripts = () =>
    vm.runInContext(readFileSync(join(dir, 'js/libraries/fraction.min.js'), 'utf8'), context);
  vm.createContext(context);
  vm.runInContext(readFileSync(join(dir, 'js/methodOfEqualSharesWorker.js'), 'utf8'), context);
  return context.equalShares as (instance: unknown, params: unknown) => { winners: string[] };
}

function toolInstance(e: Election) {
  const approvers: Record<string, string[]> = Object.fromEntries(e.projects.map((p) => [p.id, []]));
  for (const b of e.ballots) for (const p of b.vote) approvers[p]?.push(b.voter);
  return {
    meta: { budget: String(e.budget) },
    projects: Object.fromEntries(e.projects.map((p) => [p.id, { cost: String(p.cost) }])),
    votes: Object.fromEntries(e.ballots.map((b) => [b.voter, b.vote])),
    approvers,
  };
}

/**
 * Each side is warmed up the same way before it is timed: run until WARM_S seconds of runs (and at
 * least one) have gone. Then they are timed in turns: PER runs of Sinergi, then one of the tool,
 * PAIRS times, so both see the machine as it was at the time (it is shared, and its speed changes
 * by half within minutes); each ratio is the median over the pairs.
 */
const WARM_S = 2;
const PER = 5;
const PAIRS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1]!;
const seconds = (f: () => void) => {
  const started = performance.now();
  f();
  return (performance.now() - started) / 1000;
};
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

const instances: { name: string; e: Election; fractions: boolean }[] = [];
const wieliczka = tool && join(tool, 'pb/poland_wieliczka_2023_green-budget.pb');
if (wieliczka && existsSync(wieliczka)) {
  const f = parsePb(readFileSync(wieliczka, 'utf8'));
  instances.push({
    name: 'Wieliczka 2023 green budget (6,586 x 64)',
    e: {
      budget: Number(f.meta.budget),
      projects: f.projects.map((p) => ({ id: p.id, cost: p.cost })),
      ballots: f.voters.map((v) => ({ voter: v.id, vote: v.vote })),
    },
    fractions: true,
  });
}
instances.push({ name: '10,000 x 100', e: pbInstance(10_000, 100), fractions: false });
instances.push({ name: '100,000 x 200', e: pbInstance(100_000, 200), fractions: false });

const date = new Date().toISOString().slice(0, 10);
say(`# Method of Equal Shares with Add1, ${date}`);
say();
say(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}.`,
);
say(
  tool
    ? 'Baseline: the equalshares.net compute tool (github.com/equalshares/equalshares-compute-tool), its worker run unchanged in the same process, add1 with integral endowments, on the same instances in the same run.'
    : 'Baseline: none in this run (EQUALSHARES_TOOL was not given).',
);
say();
say(
  `Sinergi runs the rule exactly (rationals), as the tool's fractions mode does; the tool's float mode is its fast one. Sinergi's time is the winners (Add1 to its last step) and then the exact rho and payments of every round of the kept outcome, which Sinergi reports and the tool does not; the two ratios compare the tool with the winners alone and with both. Sinergi is timed two ways: on one thread, and as \`sinergi pb run\` runs it on this machine of ${cpus().length} cores, with a second thread taking some of Add1's runs (each endowment's run is independent of the others; both threads take the next endowment from a board in shared memory, and the search ends where it would alone: packages/core/src/pb/add1-board.ts, apps/server/src/modules/pb/add1-helper.ts); the tool runs on one thread. The second thread is started once, as the command starts it while it reads the file, and is warm when timed. Both run in the same V8 (Sinergi from the esbuild bundle \`sinergi pb run\` runs) and are warmed up the same way: each is run until ${WARM_S} s of runs, and at least one, have gone. Then they are timed in turns, ${PER} runs of Sinergi on one thread, ${PER} with the second thread and one of the tool, ${PAIRS} times (twice on 100,000 x 200, where the tool's run takes about 20 s), so both see the machine as it was at the time: it is shared, and its speed changes by up to half within minutes. Each ratio is the median of the turns' ratios (the tool's run over the median of the ${PER} runs before it); the times are the medians of all runs timed (the very first run's time is given too); the heap growth is the most the heap grew over them. The tool's fractions mode runs once.`,
);
say();
say(
  '| instance | Sinergi exact, with rounds, 2 threads (s) | one thread (s) | of which the rounds report (s) | first run (s) | Add1 steps | runs by the second thread | tool, floats (s) | tool, fractions (s) | floats / Sinergi winners, 2 threads | floats / Sinergi winners, one thread | floats / Sinergi with rounds, 2 threads | same winners | heap growth (MiB) |',
);
say('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
await add1HelperReady();
const run = tool ? loadTool(tool) : null;
/** One Add1 count: the winners, then the exact rho and payments of every round (worked out when read). */
const count = (e: Election, helped = true) => {
  const started = performance.now();
  const outcome = equalSharesAdd1(e, helped ? { help: add1Help } : {});
  const winners = performance.now();
  void outcome.rounds;
  const done = performance.now();
  return { outcome, winners: (winners - started) / 1000, rounds: (done - winners) / 1000 };
};
const total = (x: { winners: number; rounds: number }) => x.winners + x.rounds;
for (const { name, e, fractions } of instances) {
  const params = (accuracy: string) => ({
    accuracy,
    completion: 'add1',
    add1options: ['integral'],
    increment: 1,
    tieBreaking: ['minCost', 'maxVotes', e.projects.map((p) => p.id)],
    comparison: 'none',
  });
  let winners: string[] = [];
  const toolOnce = () =>
    seconds(() => {
      winners = run!(toolInstance(e), params('floats')).winners;
    });
  let ours = count(e);
  const first = total(ours);
  for (let spent = first; spent < WARM_S; ) spent += total(count(e)) + total(count(e, false));
  if (run) for (let spent = toolOnce(); spent < WARM_S; ) spent += toolOnce();
  globalThis.gc?.();
  const heap = process.memoryUsage().heapUsed;
  let grown = 0;
  // In turns: PER runs of Sinergi, then one of the tool, PAIRS times (fewer where the tool takes 20 s).
  const timed: { winners: number; rounds: number }[] = [];
  const alone: number[] = [];
  const tool: number[] = [];
  const ratios: { winners: number; total: number; alone: number }[] = [];
  let runs = 0;
  let helperRuns = 0;
  const pairs = run ? (e.ballots.length > 50_000 ? 2 : PAIRS) : 1;
  for (let i = 0; i < pairs; i++) {
    // Only the times are kept: an outcome holds its run's arrays, and 25 of them held on to made
    // the timed runs collect garbage that a caller keeping one outcome never has.
    const single = Array.from({ length: PER }, () => count(e, false).winners);
    alone.push(...single);
    // The second thread's tally comes as messages, read when this thread is free: those of the
    // runs before are read first.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const helperBefore = add1HelperRuns();
    const batch = Array.from({ length: PER }, () => {
      ours = count(e);
      runs += ours.outcome.steps;
      grown = Math.max(grown, (process.memoryUsage().heapUsed - heap) / 2 ** 20);
      return { winners: ours.winners, rounds: ours.rounds };
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    helperRuns += add1HelperRuns() - helperBefore;
    timed.push(...batch);
    if (!run) continue;
    const t = toolOnce();
    tool.push(t);
    ratios.push({
      winners: t / median(batch.map((x) => x.winners)),
      total: t / median(batch.map(total)),
      alone: t / median(single),
    });
  }
  // Sinergi's median run by its whole time, and its two parts.
  const mid = [...timed].sort((x, y) => total(x) - total(y))[(timed.length - 1) >> 1]!;
  let exact: { s: number; winners: string[] } | null = null;
  const floats = run ? { s: median(tool), winners } : null;
  if (run && fractions) {
    const t = seconds(() => {
      winners = run(toolInstance(e), params('fractions')).winners;
    });
    exact = { s: t, winners };
  }
  const one = count(e, false).outcome;
  const same =
    sameSet(one.selected, ours.outcome.selected) &&
    [floats, exact].filter((x) => x !== null).every((x) => sameSet(x.winners, ours.outcome.selected));
  const ratio = (pick: (x: { winners: number; total: number; alone: number }) => number) =>
    run ? median(ratios.map(pick)).toFixed(1) : '–';
  say(
    `| ${name} | ${total(mid).toFixed(3)} | ${(median(alone) + mid.rounds).toFixed(3)} | ${mid.rounds.toFixed(3)} | ${first.toFixed(3)} | ${ours.outcome.steps} | ${runs ? `${((100 * helperRuns) / runs).toFixed(0)} %` : '–'} | ${floats?.s.toFixed(2) ?? '–'} | ${exact?.s.toFixed(2) ?? '–'} | ${ratio((x) => x.winners)} | ${ratio((x) => x.alone)} | ${ratio((x) => x.total)} | ${run ? (same ? 'yes' : 'NO') : '–'} | ${grown.toFixed(0)} |`,
  );
}
say();
say(
  "How: the rule works in floating point with a bound on each value's rounding and settles in exact rationals only the decisions that fall within it (near ties, near affordability, who is capped), and the rho and payments of the rounds it reports (packages/core/src/pb/mes.ts, mes-run.ts, mes-exact.ts). A project's rho never falls, so only the projects that could still be cheapest are worked out again each round; a project none of whose supporters is capped costs c / U from running sums; the capped set comes from Newton steps over the supporters who could be capped; identical ballots are counted once. Since 2026-12-07: Add1's runs are shared with a second thread (see above); on one thread the rule is as it was. The run earlier that day of the code before, one thread only (this file as committed in 97765d1), had 16.6x, 16.8x and 40.6x. Since 2026-12-06: Add1's runs share one compiled run (a class, where closures were made anew for each run) and two sets of arrays taken in turn; the hot loops read one array per supporter (a budget of -1 marks a voter left with nothing); approval ballots are gone through without branching on where each budget falls; ballots are read once into flat arrays. Since the evening of 2026-12-06: a pass over a project whose last pass found its supporters' budgets on both sides of the share (or of twice it) goes without a branch on which side each falls (a wrong guess cost more than the sums), and so do the Newton steps of rho; where nearly all fall on one side the pass keeps its branch, which is then guessed right. Before that change (this file as committed in 614a2fe): 20.5x, 18.4x and 30.8x; in an A/B of the two bundles in one process, alternating, 15 pairs of medians of 3, the change took 10,000 x 100 to 1.11-1.15 times the speed before and Wieliczka to 0.96 (it spends less of its time in these loops). Before (bench/results/2026-12-05-mes.md, the tool timed once, cold): 8.1x, 10.5x and 14.4x the tool's float mode; before that (bench/results/2026-12-03-allocation.md): 27.8 s for 10,000 x 100 and 118.8 s for 100,000 x 200, with the tool at 4.2-5.7 s and 25 s (issue 18).",
);
const file = join(root, 'bench/results', `${date}-mes.md`);
writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`written: ${file}`);
