import {
  AppError,
  type CompositesFile,
  type FieldIssue,
  PbError,
  type PbFile,
  parsePb,
  type RegionCode,
  readCompositesTable,
} from '@sinergi/core';
import { parseCsvTable, readXlsxSheets, type TableLimits } from './table-parse.ts';

export interface ParseRequest {
  /** `composites`: Kemendesa's national IDM file, read and checked on the thread (75,000 rows). */
  kind: 'xlsx' | 'csv' | 'pb' | 'composites';
  data: Uint8Array;
  limits: TableLimits;
  relaxQuotes?: boolean;
}

/** What comes back across the thread: the sheets, or the issues that refuse the file. */
export type ParseReply =
  | { sheets: [string, string[][]][] }
  | { pb: PbFile }
  | { composites: PackedComposites }
  | { issues: FieldIssue[] };

/** Runs in a worker thread: an AppError cannot cross it, so its issues come back as data. */
export async function parseTask(request: ParseRequest): Promise<ParseReply> {
  const data = Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength);
  try {
    if (request.kind === 'pb') return { pb: parsePb(data.toString('utf8')) };
    if (request.kind === 'composites')
      // Checked where it was read: only the checked rows cross back, packed, not a million cell texts.
      return { composites: pack(readCompositesTable(parseCsvTable(data, request), request.limits.rows)) };
    if (request.kind === 'csv') {
      const options = { limits: request.limits, ...(request.relaxQuotes ? { relaxQuotes: true } : {}) };
      return { sheets: [['', parseCsvTable(data, options)]] };
    }
    return { sheets: [...(await readXlsxSheets(data, request.limits)).entries()] };
  } catch (error) {
    if (error instanceof AppError) return { issues: [...error.issues] };
    if (error instanceof PbError)
      return {
        issues: [{ field: 'file', issue: error.issue, params: { ...error.params, line: error.line } }],
      };
    throw error;
  }
}

/**
 * Checked composites as they cross the thread: two strings and one array of numbers (copied at
 * once) rather than 75,000 objects cloned one by one (130 ms each way for a national file).
 */
export interface PackedComposites {
  year: number;
  codes: string;
  statuses: string;
  /** iks, ike, ikl, value of each row in turn. */
  numbers: Float64Array;
}

function pack(file: CompositesFile): PackedComposites {
  const numbers = new Float64Array(file.rows.length * 4);
  file.rows.forEach((r, i) => {
    numbers[i * 4] = r.iks;
    numbers[i * 4 + 1] = r.ike;
    numbers[i * 4 + 2] = r.ikl;
    numbers[i * 4 + 3] = r.value;
  });
  return {
    year: file.year,
    codes: file.rows.map((r) => r.regionCode).join('\n'),
    statuses: file.rows.map((r) => r.status).join('\n'),
    numbers,
  };
}

export function unpackComposites(packed: PackedComposites): CompositesFile {
  const codes = packed.codes.split('\n');
  const statuses = packed.statuses.split('\n');
  const n = packed.numbers;
  return {
    year: packed.year,
    rows: codes.map((code, i) => ({
      regionCode: code as RegionCode,
      iks: n[i * 4]!,
      ike: n[i * 4 + 1]!,
      ikl: n[i * 4 + 2]!,
      value: n[i * 4 + 3]!,
      status: statuses[i]!,
    })),
  };
}
