import { AppError, type FieldIssue, PbError, type PbFile, parsePb } from '@sinergi/core';
import { parseCsvTable, readXlsxSheets, type TableLimits } from './table-parse.ts';

export interface ParseRequest {
  kind: 'xlsx' | 'csv' | 'pb';
  data: Uint8Array;
  limits: TableLimits;
  relaxQuotes?: boolean;
}

/** What comes back across the thread: the sheets, or the issues that refuse the file. */
export type ParseReply = { sheets: [string, string[][]][] } | { pb: PbFile } | { issues: FieldIssue[] };

/** Runs in a worker thread: an AppError cannot cross it, so its issues come back as data. */
export async function parseTask(request: ParseRequest): Promise<ParseReply> {
  const data = Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength);
  try {
    if (request.kind === 'pb') return { pb: parsePb(data.toString('utf8')) };
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
