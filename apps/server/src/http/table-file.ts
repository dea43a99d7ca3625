import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { AppError, type FieldIssue, type PbFile } from '@sinergi/core';
import { Piscina } from 'piscina';
import type { ParseReply, ParseRequest } from './parse-task.ts';
import { DEFAULT_TABLE_LIMITS, refuseFile, type TableLimits } from './table-parse.ts';
import { poolEnded, poolStarted } from './thread-pools.ts';
import { XLSX_TYPE } from './upload.ts';

/**
 * Uploaded tables are parsed on worker threads (issue 17: a workbook that inflated to 300 MB held
 * the server for 45 s and two at once ran it out of memory). A worker's heap is capped, so a file
 * that still overwhelms one ends that worker, not the server; a few wait in a queue, more are
 * refused as busy.
 */
const WORKER_HEAP_MB = 512;
const QUEUE = 8;
let pool: Piscina | undefined;

function parsePool(): Piscina {
  if (pool) return pool;
  poolStarted(closeParsePool);
  pool = new Piscina({
    filename: new URL('./parse-worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
    idleTimeout: 30_000,
    maxQueue: QUEUE,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  return pool;
}

/** Ends the parse threads (server stop, end of a test run). */
export async function closeParsePool(): Promise<void> {
  const p = pool;
  pool = undefined;
  poolEnded(closeParsePool);
  await p?.destroy();
}

async function parseOffThread(request: ParseRequest): Promise<Map<string, string[][]>> {
  const reply = await runParse(request);
  if (!('sheets' in reply)) throw new Error('a table was asked for');
  return new Map(reply.sheets);
}

/** A Pabulib file parsed off the request thread (300,000 ballots take most of a second to read). */
export async function readPbUpload(data: Buffer): Promise<PbFile> {
  const reply = await runParse({ kind: 'pb', data, limits: DEFAULT_TABLE_LIMITS });
  if (!('pb' in reply)) throw new Error('a .pb file was asked for');
  return reply.pb;
}

async function runParse(request: ParseRequest): Promise<Exclude<ParseReply, { issues: unknown }>> {
  let reply: ParseReply;
  try {
    reply = (await parsePool().run(request)) as ParseReply;
  } catch (error) {
    throw threadError(error);
  }
  if ('issues' in reply) throw new AppError('VALIDATION', { issues: reply.issues });
  return reply;
}

function threadError(error: unknown): unknown {
  const message = String((error as Error).message ?? '');
  if (/queue is at limit|all workers are busy/i.test(message)) return refuseFile('server_busy');
  // The file was too much for one worker's heap: that worker ended, the server did not.
  if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return refuseFile('file_too_complex');
  return error;
}

/** What a streaming task sends on its port: parts as it reads, then the end or what refuses the file. */
export type StreamMessage<Part, End> = { part: Part } | { end: End } | { issues: FieldIssue[] };

/** The request a streaming task receives: the file, its limits and the port to send on. */
export interface StreamRequest {
  data: Uint8Array;
  limits: TableLimits;
  port: MessagePort;
}

/**
 * A file read on a parse thread by a module's own task (`task`: its module URL; its default export
 * takes a StreamRequest), which sends what it has read in parts, so the caller can load the first
 * parts while the thread reads on (a national IDM file: 75,000 rows). Yields the parts in order and
 * returns the task's end; the issues that refuse the file are thrown after the parts sent before
 * them, so a caller inside a transaction rolls back. Ending the loop early stops the task.
 */
export async function* streamOffThread<Part, End>(
  task: URL,
  data: Buffer,
  limits: TableLimits = DEFAULT_TABLE_LIMITS,
): AsyncGenerator<Part, End> {
  const { port1, port2 } = new MessageChannel();
  const queue: StreamMessage<Part, End>[] = [];
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  port1.on('message', (message: StreamMessage<Part, End>) => {
    queue.push(message);
    wake?.();
  });
  const stop = new AbortController();
  let ended = false;
  parsePool()
    .run({ task: task.href, data, limits, port: port2 }, { transferList: [port2], signal: stop.signal })
    .catch((error: unknown) => {
      failure = { error: threadError(error) };
      wake?.();
    });
  try {
    for (;;) {
      const message = queue.shift();
      if (message) {
        if ('part' in message) {
          yield message.part;
          continue;
        }
        ended = true;
        if ('end' in message) return message.end;
        throw new AppError('VALIDATION', { issues: message.issues });
      }
      if (failure) throw failure.error;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  } finally {
    // A task stopped while it runs ends its thread: only when the caller gave up before the end.
    if (!ended && !failure) stop.abort();
    port1.close();
  }
}

/** Every sheet of an uploaded workbook, parsed off the request thread within `limits`. */
export function readXlsxUpload(data: Buffer, limits: TableLimits = DEFAULT_TABLE_LIMITS) {
  return parseOffThread({ kind: 'xlsx', data, limits });
}

/** The rows of an uploaded CSV, parsed off the request thread within `limits`. */
export async function readCsvUpload(
  data: Buffer,
  limits: TableLimits = DEFAULT_TABLE_LIMITS,
  relaxQuotes = false,
): Promise<string[][]> {
  return (await parseOffThread({ kind: 'csv', data, limits, relaxQuotes })).get('') ?? [];
}

/** The first sheet of an uploaded XLSX, or the rows of an uploaded CSV, as cell texts. */
export async function uploadedTable(
  data: Buffer,
  type: string,
  limits: TableLimits = DEFAULT_TABLE_LIMITS,
): Promise<string[][]> {
  return type === XLSX_TYPE
    ? ([...(await readXlsxUpload(data, limits)).values()][0] ?? [])
    : readCsvUpload(data, limits);
}
