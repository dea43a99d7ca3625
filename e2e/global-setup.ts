import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** A file where the test SMTP server appends each mail it receives, one JSON line each. */
    mailbox: string;
  }
}

const root = new URL('..', import.meta.url).pathname;

/** Builds the web app if needed and starts the real server, as `npm start` does, on a fresh data folder. */
export default async function setup(project: TestProject) {
  if (!existsSync(join(root, 'apps/web/dist/index.html')) || process.env.E2E_REBUILD) {
    // A production build: under Vitest NODE_ENV is 'test', which would give React's development build.
    execSync('npm run build:web', {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sinergi-e2e-'));
  // A real SMTP server for the server's mail (a citizen's verification link): what it receives
  // goes to a file the browser tests read.
  const mailbox = join(dataDir, '..', `${dataDir.split('/').pop()}-mailbox.jsonl`);
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream).then(
        (m) => {
          const to = m.to && !Array.isArray(m.to) ? m.to.text : '';
          appendFileSync(
            mailbox,
            `${JSON.stringify({ to, subject: m.subject ?? '', text: m.text ?? '' })}\n`,
          );
          done();
        },
        (error: Error) => done(error),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const port = 3900 + Math.floor(Math.random() * 90);
  const server: ChildProcess = spawn(process.execPath, ['apps/server/bin/sinergi.mjs', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      BACKUP_DIR: `${dataDir}-backups`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Sinergi <sinergi@blitarkab.example>',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('server did not become ready');
    try {
      const res = await fetch(`${baseUrl}/api/settings`);
      if (res.ok && (await res.json()).regions.ready) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('mailbox', mailbox);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(mailbox, { force: true });
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  };
}
