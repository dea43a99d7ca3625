import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';

/**
 * Opens the configured database (migrated), runs `fn`, closes it. The server's code is loaded here,
 * so a command that needs no database never loads it. With `sinergi --kabupaten <code>`, the
 * database of that kabupaten of the installation (installation/tenants.ts).
 */
export async function withContext<T>(
  fn: (ctx: AppContext) => Promise<T>,
  opts: { migrate?: boolean; mustExist?: boolean } = { migrate: true },
) {
  const { loadConfig } = await import('../config.ts');
  const { createContext, createLogger, openConfiguredDatabase } = await import('../server.ts');
  const config = await kabupatenConfig(loadConfig());
  const database = await openConfiguredDatabase(config, { mustExist: opts.mustExist ?? false });
  const ctx = createContext(config, database, createLogger({ logLevel: 'warn' }));
  try {
    if (opts.migrate ?? true) await database.migrate();
    return await fn(ctx);
  } finally {
    await database.close();
  }
}

export function progressLine(done: number, total: number | null, message: string | null) {
  const pct = total ? Math.floor((done / total) * 100) : null;
  const bar =
    pct === null ? '' : `[${'#'.repeat(Math.floor(pct / 5)).padEnd(20, '.')}] ${String(pct).padStart(3)}% `;
  process.stderr.write(
    `\r${bar}${done.toLocaleString('id-ID')}${total ? ` / ${total.toLocaleString('id-ID')}` : ''} ${message ?? ''}   `,
  );
}

export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split('\n')[0]!.trimEnd();
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  process.stdout.write(prompt);
  muted = true;
  const answer = await new Promise<string>((res) => rl.question('', res));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

/** The settings of the kabupaten `--kabupaten` names (SINERGI_KABUPATEN), once the installation lists it. */
async function kabupatenConfig(config: Config): Promise<Config> {
  const code = process.env.SINERGI_KABUPATEN;
  if (!code || code === config.activeKabupaten) return config;
  const { openConfiguredDatabase } = await import('../server.ts');
  const { listTenants } = await import('../installation/installation.repository.ts');
  const { tenantConfig } = await import('../installation/tenants.ts');
  const { ConfigError } = await import('../config.ts');
  const home = await openConfiguredDatabase(config);
  try {
    const tenant = (await listTenants(home.db)).find((t) => t.code === code);
    if (!tenant)
      throw new ConfigError(
        `Kabupaten ${code} is not in this installation: add it with \`sinergi kabupaten add ${code}\`.`,
      );
    return tenantConfig(config, tenant);
  } finally {
    await home.close();
  }
}
