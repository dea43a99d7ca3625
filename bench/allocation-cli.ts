import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPortfolioModel, modelAsLp } from '@sinergi/core';
import { portfolioInstance } from './allocation.ts';

const root = new URL('..', import.meta.url).pathname;
const RUNS = 5;

/** Wall time of one run of a command, in seconds, with what it printed. */
function timed(command: string, args: string[]) {
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${run.stderr}`);
  return { seconds, out: run.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function hasScipy(): boolean {
  return spawnSync('python3', ['-c', 'import scipy.optimize'], { encoding: 'utf8' }).status === 0;
}

/**
 * `sinergi allocate` end to end (start, read the CSV and rules, build, solve, print) against
 * SciPy's milp on the same model written as an LP file (start Python, import SciPy, read, solve):
 * the median of five runs each, taken in turns so that both see the same machine.
 */
export function allocateCliBench(say: (line?: string) => void) {
  say('## 6b. `sinergi allocate` end to end against SciPy (`scipy.optimize.milp`, HiGHS)');
  say();
  if (!hasScipy()) {
    say('Skipped: python3 with SciPy is not installed on this machine.');
    say();
    return;
  }
  const scipy = spawnSync('python3', ['-c', 'import scipy; print(scipy.__version__)'], { encoding: 'utf8' });
  say(
    `The same instances as above, written as files: the proposals CSV and rules JSON for \`sinergi allocate\` (gap 0.01 %), and the identical model as an LP file for \`bench/scipy_milp.py\` (SciPy ${scipy.stdout.trim()}, same gap). Wall time of the whole process, median of ${RUNS} runs each, taken in turns.`,
  );
  say();
  say('| proposals | `sinergi allocate` (s) | SciPy milp (s) | ratio | same optimum |');
  say('|---|---|---|---|---|');
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-allocate-'));
  try {
    for (const n of [2_000, 10_000]) {
      const { items, rules } = portfolioInstance(n);
      const { budget, ...rest } = rules;
      const csv = join(dir, `p${n}.csv`);
      const json = join(dir, `r${n}.json`);
      const lp = join(dir, `m${n}.lp`);
      writeFileSync(
        csv,
        [
          'id,cost,score,kecamatan,opd,bidang',
          ...items.map((i) => [i.id, i.cost, i.score, i.kecamatan, i.opd, i.bidang].join(',')),
        ].join('\n'),
      );
      writeFileSync(json, JSON.stringify(rest));
      writeFileSync(lp, modelAsLp(buildPortfolioModel(items, rules)));
      const ours: number[] = [];
      const theirs: number[] = [];
      let same = true;
      for (let k = 0; k < RUNS; k++) {
        const a = timed(process.execPath, [
          join(root, 'apps/server/bin/sinergi.mjs'),
          'allocate',
          csv,
          '--budget',
          String(budget),
          '--rules',
          json,
          '--gap',
          '0.0001',
          '--json',
        ]);
        const b = timed('python3', [join(root, 'bench/scipy_milp.py'), lp, '0.0001']);
        ours.push(a.seconds);
        theirs.push(b.seconds);
        const x = JSON.parse(a.out).objective as number;
        const y = JSON.parse(b.out).objective as number;
        same &&= Math.abs(x - y) <= 1e-4 * Math.abs(y);
      }
      say(
        `| ${n.toLocaleString('en')} | ${median(ours).toFixed(2)} | ${median(theirs).toFixed(2)} | ${(median(ours) / median(theirs)).toFixed(2)} | ${same ? 'yes' : 'no'} |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  say();
}
