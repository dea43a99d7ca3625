/**
 * Equal Shares with Add1, Sinergi's exact rule against the equalshares.net compute tool, written to
 * bench/results/<date>-mes.md. The tool is not part of Sinergi: give a checkout of
 * github.com/equalshares/equalshares-compute-tool as EQUALSHARES_TOOL and its worker is run
 * unchanged in this process (its float mode; its fractions mode on Wieliczka, which it ships as a
 * .pb file). Without it only Sinergi's times are written. Same instances: Wieliczka 2023 (green
 * budget), and 10,000 x 100 and 100,000 x 200 generated from a fixed seed (bench/allocation.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { type Election, equalSharesAdd1, parsePb } from '@sinergi/core';
import { pbInstance } from './allocation.ts';

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
 * least one) have gone. Then Sinergi's median of TIMED runs, the tool's of TOOL_TIMED.
 */
const WARM_S = 2;
const TIMED = 7;
const TOOL_TIMED = 3;
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
  `Sinergi runs the rule exactly (rationals), as the tool's fractions mode does; the tool's float mode is its fast one. Sinergi's time is the winners (Add1 to its last step) and then the exact rho and payments of every round of the kept outcome, which Sinergi reports and the tool does not; the two ratios compare the tool with the winners alone and with both. Both run in the same V8 and are warmed up the same way before they are timed: each is run until ${WARM_S} s of runs, and at least one, have gone. Sinergi's time is then the median of ${TIMED} runs (the very first run's time is given too), the heap growth the most the heap grew over them; the tool's float time the median of ${TOOL_TIMED} runs (one on 100,000 x 200, whose run takes about 20 s); its fractions mode runs once.`,
);
say();
say(
  '| instance | Sinergi exact, with rounds (s) | of which the rounds report (s) | first run (s) | Add1 steps | tool, floats (s) | tool, fractions (s) | floats / Sinergi winners | floats / Sinergi with rounds | same winners | heap growth (MiB) |',
);
say('|---|---|---|---|---|---|---|---|---|---|---|');
const run = tool ? loadTool(tool) : null;
/** One Add1 count: the winners, then the exact rho and payments of every round (worked out when read). */
const count = (e: Election) => {
  const started = performance.now();
  const outcome = equalSharesAdd1(e);
  const winners = performance.now();
  void outcome.rounds;
  const done = performance.now();
  return { outcome, winners: (winners - started) / 1000, rounds: (done - winners) / 1000 };
};
const total = (x: { winners: number; rounds: number }) => x.winners + x.rounds;
for (const { name, e, fractions } of instances) {
  let ours = count(e);
  const first = total(ours);
  for (let spent = first; spent < WARM_S; ) spent += total(count(e));
  globalThis.gc?.();
  const heap = process.memoryUsage().heapUsed;
  let grown = 0;
  const warm: { winners: number; rounds: number }[] = [];
  for (let i = 0; i < TIMED; i++) {
    ours = count(e);
    warm.push(ours);
    grown = Math.max(grown, (process.memoryUsage().heapUsed - heap) / 2 ** 20);
  }
  // The median run by its whole time, and its two parts.
  const second = warm.sort((a, b) => total(a) - total(b))[(TIMED - 1) / 2]!;
  const params = (accuracy: string) => ({
    accuracy,
    completion: 'add1',
    add1options: ['integral'],
    increment: 1,
    tieBreaking: ['minCost', 'maxVotes', e.projects.map((p) => p.id)],
    comparison: 'none',
  });
  let floats: { s: number; winners: string[] } | null = null;
  let exact: { s: number; winners: string[] } | null = null;
  if (run) {
    let winners: string[] = [];
    const once = () =>
      seconds(() => {
        winners = run(toolInstance(e), params('floats')).winners;
      });
    for (let spent = once(); spent < WARM_S; ) spent += once();
    const timed = Array.from({ length: e.ballots.length > 50_000 ? 1 : TOOL_TIMED }, once);
    floats = { s: median(timed), winners };
    if (fractions) {
      const t = seconds(() => {
        winners = run(toolInstance(e), params('fractions')).winners;
      });
      exact = { s: t, winners };
    }
  }
  const same = [floats, exact]
    .filter((x) => x !== null)
    .every((x) => sameSet(x.winners, ours.outcome.selected));
  const ratio = (s: number) => (floats ? (floats.s / s).toFixed(1) : '–');
  say(
    `| ${name} | ${total(second).toFixed(3)} | ${second.rounds.toFixed(3)} | ${first.toFixed(3)} | ${ours.outcome.steps} | ${floats?.s.toFixed(2) ?? '–'} | ${exact?.s.toFixed(2) ?? '–'} | ${ratio(second.winners)} | ${ratio(total(second))} | ${run ? (same ? 'yes' : 'NO') : '–'} | ${grown.toFixed(0)} |`,
  );
}
say();
say(
  "How: the rule works in floating point with a bound on each value's rounding and settles in exact rationals only the decisions that fall within it (near ties, near affordability, who is capped), and the rho and payments of the rounds it reports (packages/core/src/pb/mes.ts, mes-exact.ts). A project's rho never falls, so only the projects that could still be cheapest are worked out again each round; a project nobody of whose supporters is capped costs c / U from running sums; the capped set comes from Newton steps over the supporters who could be capped. Before (bench/results/2026-12-03-allocation.md, same instances): 27.8 s for 10,000 x 100 and 118.8 s for 100,000 x 200, with the tool at 4.2-5.7 s and 25 s (issue 18).",
);
const file = join(root, 'bench/results', `${date}-mes.md`);
writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`written: ${file}`);
