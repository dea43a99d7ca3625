import type { Command } from 'commander';
import { installationCli } from '../installation/installation.cli.ts';
import { allocationCli } from './allocation/allocation.cli.ts';
import { inboxCli } from './inbox/inbox.cli.ts';
import type { CliTools } from './module.ts';
import { pbCli } from './pb/pb.cli.ts';
import { povertyCli } from './poverty/poverty.cli.ts';
import { regionsCli } from './regions/regions.cli.ts';
import { usersCli } from './users/users.cli.ts';
import { indexCli } from './village-index/village-index.cli.ts';

/**
 * Each module's `sinergi` commands. They are listed apart from `modules/index.ts` so that a command
 * starts with only what it runs: a command file imports commander and core at the top and loads its
 * services inside the action (`sinergi allocate` never loads Fastify, the database or ExcelJS).
 */
export const moduleCommands: readonly ((program: Command, tools: CliTools) => void)[] = [
  installationCli,
  regionsCli,
  usersCli,
  indexCli,
  allocationCli,
  pbCli,
  povertyCli,
  inboxCli,
];
