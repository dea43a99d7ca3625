/**
 * Benchmarks of choosing what to fund, written to bench/results/<date>-allocation.md:
 * the optimal portfolio for 2,000 and 10,000 proposals with 87 rules (time, gap reached, gain over
 * greedy), and Equal Shares with Add1 and greedy completion for 10,000 voters x 100 projects and
 * 100,000 voters x 200 projects (time, memory). Kept apart from `npm run bench` because it runs for
 * minutes.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { equalSharesBench, portfolioBench } from './allocation.ts';
import { allocateCliBench } from './allocation-cli.ts';

const root = new URL('..', import.meta.url).pathname;
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};
const date = new Date().toISOString().slice(0, 10);
say(`# Sinergi allocation benchmarks, ${date}`);
say();
say(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}.`,
);
say(
  'Baseline: the greedy list (sorted by score, fund what fits) computed on the same instance in the same run; instances are generated from a fixed seed, so every run measures the same ones.',
);
say();
await portfolioBench(say);
allocateCliBench(say);
equalSharesBench(say);
const file = join(root, 'bench/results', `${date}-allocation.md`);
writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`written: ${file}`);
