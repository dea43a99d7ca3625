import { describe, expect, it } from 'vitest';
import { csvSlices, linesIn, parseCsvTable } from './table-parse.ts';

const limits = { rows: 20, columns: 5, cellChars: 50 };

describe('a CSV file read in parts', () => {
  it('is cut only at line ends outside quoted cells, and the parts make the file', () => {
    const text = 'a,b\n1,"two\nlines, and ""quotes"""\n3,x\n\n4,"y\r\n"\n5,z';
    const data = Buffer.from(text);
    for (const bytes of [1, 3, 8, 1_000]) {
      const parts = [...csvSlices(data, bytes)];
      expect(Buffer.concat(parts).toString()).toBe(text);
      // Read part by part, the rows are those of the whole file.
      const rows = parts.flatMap((p) => parseCsvTable(p, { limits }));
      expect(rows).toEqual(parseCsvTable(data, { limits }));
      expect(rows).toContainEqual(['1', 'two\nlines, and "quotes"']);
    }
  });

  it('is not cut after a stray quote, so the file is refused as it would be whole', () => {
    const data = Buffer.from('a,b\n1,x"y\n2,z\n3,w\n');
    const parts = [...csvSlices(data, 1)];
    expect(parts.map(String)).toEqual(['a,b\n', '1,x"y\n2,z\n3,w\n']);
    // The broken line is named by its line in the whole file, not in the part.
    expect(() => parseCsvTable(parts[1]!, { limits, linesBefore: linesIn(parts[0]!) })).toThrowError(
      expect.objectContaining({
        issues: [
          expect.objectContaining({
            issue: 'csv_quote_inside',
            params: { line: 2, column: 2 },
          }),
        ],
      }),
    );
  });

  it('counts the rows before a part against the limit and names lines in the whole file', () => {
    const part = Buffer.from('1,2\n3,4\n5,6\n');
    expect(parseCsvTable(part, { limits, rowsBefore: 18 })).toHaveLength(3);
    expect(() => parseCsvTable(part, { limits, rowsBefore: 19 })).toThrowError(
      expect.objectContaining({ issues: [expect.objectContaining({ issue: 'too_many_rows' })] }),
    );
    const wide = Buffer.from('1,2\n1,2,3,4,5,6\n');
    expect(() => parseCsvTable(wide, { limits, rowsBefore: 10 })).toThrowError(
      expect.objectContaining({
        issues: [expect.objectContaining({ issue: 'too_many_columns', params: { max: 5, line: 12 } })],
      }),
    );
  });
});

describe('a CSV file csv-parse cannot read', () => {
  const refusal = (text: string, linesBefore = 0, relaxQuotes = false) => {
    try {
      parseCsvTable(Buffer.from(text), { limits, linesBefore, relaxQuotes });
    } catch (error) {
      return (error as { issues: unknown[] }).issues[0];
    }
    throw new Error('the file was read');
  };

  it('is refused with an issue of its own kind, naming the line and the column from 1', () => {
    expect(refusal('a,b,c\n1,2,x"y\n')).toEqual({
      field: 'file',
      issue: 'csv_quote_inside',
      params: { line: 2, column: 3 },
    });
    expect(refusal('a,b\n1,"x"y\n')).toMatchObject({
      issue: 'csv_after_closing_quote',
      params: { line: 2, column: 2 },
    });
    expect(refusal('a,b\n1,"x" y\n', 100)).toMatchObject({
      issue: 'csv_after_closing_quote',
      params: { line: 102 },
    });
  });

  it('names the line where a quote never closed was opened, not the end of the file', () => {
    expect(refusal('a,b\n1,"two\nlines"\n3," ""x"" \n4,5\n6,7\n')).toEqual({
      field: 'file',
      issue: 'csv_quote_not_closed',
      params: { line: 4 },
    });
    // A quote inside an unquoted cell (allowed in files written by hand) opens nothing.
    expect(refusal('a,b\n1,x"y\n2,"open\n3,4\n', 10, true)).toMatchObject({ params: { line: 13 } });
  });
});
