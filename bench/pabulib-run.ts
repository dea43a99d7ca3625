/**
 * Every Pabulib election of a folder run by the rule its META names, against the city's published
 * result (the `selected` column), written to bench/results/<date>-pabulib.md:
 *   npm run bench:pabulib -- <folder of .pb files>   (e.g. a checkout of pabulib/pabulib_files)
 * Files without a `selected` column, or whose rule Sinergi does not run, are counted apart.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { electionOf, fundedIn, PbError, parsePb, ruleOfFile, runRule } from '@sinergi/core';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: npm run bench:pabulib -- <folder of .pb files>');
  process.exit(2);
}

interface Tally {
  files: number;
  noSelected: number;
  notRun: number;
  reproduced: number;
  differ: string[];
  ms: number;
}
const byRule = new Map<string, Tally>();
/** greedy-exclusive's groups, which the format does not record, from the files' own comments. */
const exclusive = JSON.parse(readFileSync(new URL('pabulib-exclusive.json', import.meta.url), 'utf8')) as {
  files: Record<string, { groups: string[][] }>;
};
const unreadable: string[] = [];
const names = readdirSync(folder)
  .filter((n) => n.endsWith('.pb'))
  .sort();
for (const name of names) {
  let file: ReturnType<typeof parsePb>;
  try {
    file = parsePb(readFileSync(join(folder, name), 'utf8'));
  } catch (error) {
    if (error instanceof PbError) unreadable.push(name);
    else throw error;
    continue;
  }
  const rule = (file.meta.rule ?? '').trim() || '(none)';
  const t = byRule.get(rule) ?? { files: 0, noSelected: 0, notRun: 0, reproduced: 0, differ: [], ms: 0 };
  byRule.set(rule, t);
  t.files += 1;
  const config = ruleOfFile(file.meta, exclusive.files[name]?.groups);
  if (!config) {
    t.notRun += 1;
    continue;
  }
  if (!file.projectColumns.includes('selected')) {
    t.noSelected += 1;
    continue;
  }
  const started = performance.now();
  const outcome = runRule(electionOf(file), config);
  t.ms += performance.now() - started;
  if (JSON.stringify([...outcome.selected].sort()) === JSON.stringify(fundedIn(file))) t.reproduced += 1;
  else t.differ.push(`${name} (${file.meta.vote_type ?? ''})`);
}

const date = new Date().toISOString().slice(0, 10);
const lines = [
  `# Pabulib elections against their published results, ${date}`,
  '',
  `Machine: ${cpus()[0]?.model}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  `${names.length} files in the folder${unreadable.length ? `, ${unreadable.length} not readable as .pb` : ''}. Each file is run by the rule its META names (with its min_project_score_threshold, cost utilities) and its funded projects compared with the \`selected\` column. greedy-exclusive runs where its groups are known: the format does not record them, and \`bench/pabulib-exclusive.json\` holds those a file's own comment names (the other files of that rule count as not run).`,
  '',
  '| META rule | files | no `selected` column | rule not run | checked | reproduced | differ | run time (s) |',
  '|---|---|---|---|---|---|---|---|',
];
let checked = 0;
let reproduced = 0;
for (const [rule, t] of [...byRule].sort((a, b) => b[1].files - a[1].files)) {
  const n = t.reproduced + t.differ.length;
  checked += n;
  reproduced += t.reproduced;
  lines.push(
    `| ${rule} | ${t.files} | ${t.noSelected} | ${t.notRun} | ${n} | ${t.reproduced} | ${t.differ.length} | ${(t.ms / 1000).toFixed(1)} |`,
  );
}
lines.push('', `Reproduced ${reproduced} of ${checked} checked elections.`, '');
const differing = [...byRule].flatMap(([rule, t]) => t.differ.map((d) => `- ${rule}: ${d}`));
if (differing.length)
  lines.push('Elections whose published result the named rule does not give:', '', ...differing, '');
const out = new URL(`results/${date}-pabulib.md`, import.meta.url).pathname;
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
console.log(`written ${out}`);
