import { AppError, compositesReader, idm2016 } from '@sinergi/core';
import type { StreamMessage, StreamRequest } from '../../http/table-file.ts';
import { csvSlices, linesIn, parseCsvTable } from '../../http/table-parse.ts';
import { compositeLine } from './village-index.copy.ts';

/**
 * Kemendesa's national composites file, read and checked on a parse thread (http/table-file.ts
 * streamOffThread) in parts of about SLICE bytes: each part's rows go back as the lines the
 * repository COPYs, while the next part is read, so the load runs beside the reading (issue 18).
 * After the first issue no more lines are sent, but every row is still checked, so the refusal
 * names every bad cell. The file's values are IDM 2016 composites (core compositesReader).
 */
export interface CompositesPart {
  year: number;
  rows: number;
  lines: string;
}

export interface CompositesEnd {
  year: number;
  rows: number;
}

const SLICE = 256 * 1024;

export default function readCompositesTask(request: StreamRequest): void {
  const { port, limits } = request;
  const data = Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength);
  const send = (message: StreamMessage<CompositesPart, CompositesEnd>) => port.postMessage(message);
  try {
    let reader: ReturnType<typeof compositesReader> | undefined;
    let rowsBefore = 0;
    let linesBefore = 0;
    let rows = 0;
    for (const slice of csvSlices(data, SLICE)) {
      const table = parseCsvTable(slice, { limits, rowsBefore, linesBefore });
      linesBefore += linesIn(slice);
      let i = 0;
      if (!reader) {
        reader = compositesReader(table[0]);
        i = 1;
      }
      const lines: string[] = [];
      for (; i < table.length; i++) {
        const cells = table[i]!;
        const row = reader.read(cells, rowsBefore + i + 1);
        if (row && !reader.issues.length)
          lines.push(compositeLine(idm2016.id, reader.year, row, cells, reader.columns));
      }
      rowsBefore += table.length;
      if (lines.length && !reader.issues.length) {
        rows += lines.length;
        send({ part: { year: reader.year, rows: lines.length, lines: lines.join('\n') } });
      }
    }
    reader ??= compositesReader(undefined);
    reader.finish();
    send({ end: { year: reader.year, rows } });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    send({ issues: [...error.issues] });
  }
}
