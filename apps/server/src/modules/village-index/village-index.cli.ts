import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtInSchemes, computeIndex, round4 } from '@sinergi/core';
import type { Command } from 'commander';
import type { CliTools } from '../module.ts';

/** `sinergi index ...`: scoring, templates, schemes and imports of the village development index. */
export function indexCli(program: Command, tools: CliTools) {
  const index = program.command('index').description('the village development index');
  index
    .command('score')
    .description('score a 50-indicator template (CSV or XLSX: kode_desa + one column per indicator code)')
    .argument('<file>', 'the template, e.g. reference-data/idm/idm2024_indikator_kab_blitar.csv')
    .option(
      '--scheme <id|file>',
      `index scheme: a built-in id (${Object.keys(builtInSchemes).join(', ')}) or a scheme file (.json or .xlsx)`,
      'idm-2016',
    )
    .option('--out <file>', 'write the result CSV here instead of standard output')
    .action(async (file: string, opts: { scheme: string; out?: string }) => {
      const { readSchemeFile } = await import('./schemes.ts');
      const { readIndexTemplate } = await import('./template.ts');
      const scheme = /\.(json|xlsx)$/i.test(opts.scheme)
        ? await readSchemeFile(readFileSync(resolve(opts.scheme)), opts.scheme)
        : builtInSchemes[opts.scheme];
      if (!scheme)
        throw new Error(`unknown scheme ${opts.scheme} (known: ${Object.keys(builtInSchemes).join(', ')})`);
      const rows = await readIndexTemplate(scheme, readFileSync(resolve(file)), file);
      const indexColumn = scheme.id === 'idm-2016' ? 'idm' : 'nilai';
      const lines = [
        `kode_desa,${scheme.dimensions.map((d) => d.code.toLowerCase()).join(',')},${indexColumn},status`,
      ];
      for (const row of rows) {
        const r = computeIndex(scheme, row.scores);
        lines.push(
          [
            row.kodeDesa,
            ...r.dimensions.map((d) => round4(d.value).toFixed(4)),
            round4(r.value).toFixed(4),
            r.status.code,
          ].join(','),
        );
      }
      const csv = `${lines.join('\n')}\n`;
      if (opts.out) {
        writeFileSync(resolve(opts.out), csv);
        console.error(`${rows.length} desa scored: ${opts.out}`);
      } else {
        process.stdout.write(csv);
      }
    });

  index
    .command('import')
    .description(
      "import Kemendesa's yearly file of IDM composites (CSV: KODE_PROV .. STATUS_IDM_<year>); all or nothing",
    )
    .argument('<file>', 'the CSV file')
    .action((file: string) =>
      tools.withContext(async (ctx) => {
        const { systemPrincipal } = await import('../../context.ts');
        const { importCompositesFile } = await import('./village-index.import.ts');
        const started = performance.now();
        const data = readFileSync(resolve(file));
        const result = await importCompositesFile(ctx, { ...systemPrincipal, name: 'cli' }, data, file);
        console.log(
          `IDM ${result.year}: ${result.rows} desa read, ${result.changed} added or changed, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }),
    );
}
