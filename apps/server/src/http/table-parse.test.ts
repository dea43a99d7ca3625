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
            issue: 'not_csv',
            params: { reason: expect.stringMatching(/at line 2,/) },
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
