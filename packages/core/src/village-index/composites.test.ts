import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors/app-error.ts';
import { readCompositesTable } from './composites.ts';

const header = [
  'KODE_PROV',
  'NAMA_PROVINSI',
  'KODE_KAB',
  'NAMA_KABUPATEN',
  'KODE_KEC',
  'NAMA_KECAMATAN',
  'KODE_DESA',
  'NAMA_DESA',
  'IKS_2024',
  'IKE_2024',
  'IKL_2024',
  'NILAI_IDM_2024',
  'STATUS_IDM_2024',
];
const row = (code: string, iks: string, ike: string, ikl: string, value: string, status: string) => [
  '35',
  'JAWA TIMUR',
  '3505',
  'BLITAR',
  '350501',
  'BAKUNG',
  code,
  'X',
  iks,
  ike,
  ikl,
  value,
  status,
];

const issuesOf = (table: string[][]) => {
  try {
    readCompositesTable(table, 10);
  } catch (error) {
    return (error as AppError).issues;
  }
  throw new Error('the table was taken');
};

describe("Kemendesa's composites file", () => {
  it('reads codes with or without dots and decimals with a dot or a comma', () => {
    const file = readCompositesTable(
      [
        header,
        row('3505012001', '0,8', '0.6', '0.7', '0,7500', 'MAJU'),
        row('35.05.01.2002', '0.5', '0.5', '0.5', '0.5', 'tertinggal'),
      ],
      10,
    );
    expect(file).toEqual({
      year: 2024,
      rows: [
        { regionCode: '35.05.01.2001', iks: 0.8, ike: 0.6, ikl: 0.7, value: 0.75, status: 'MAJU' },
        { regionCode: '35.05.01.2002', iks: 0.5, ike: 0.5, ikl: 0.5, value: 0.5, status: 'TERTINGGAL' },
      ],
    });
  });

  it('names every bad cell by line and column, and refuses the file', () => {
    expect(
      issuesOf([
        header,
        row('3505012001', '1.2', '0.6', '0.7', '0.75', 'MAJU'),
        row('3505012001', '0.5', '0.5', '0.5', '0.5', 'MAJU'),
        row('35050120', '0.5', '0.5', '0.5', '0.5', 'TERTINGGAL'),
      ]),
    ).toEqual([
      { field: 'line 2, column IKS_2024', issue: 'ratio_range' },
      { field: 'line 3, column KODE_DESA', issue: 'duplicate_row', params: { line: 2 } },
      {
        field: 'line 3, column STATUS_IDM_2024',
        issue: 'status_mismatch',
        params: { expected: 'TERTINGGAL' },
      },
      { field: 'line 4, column KODE_DESA', issue: 'region_code' },
    ]);
  });

  it('names the missing columns, and refuses more rows than allowed', () => {
    expect(issuesOf([header.slice(0, 9).concat(['NILAI_IDM_2024'])])).toEqual(
      ['IKE_2024', 'IKL_2024', 'STATUS_IDM_2024'].map((c) => ({
        field: `line 1, column ${c}`,
        issue: 'missing_column',
      })),
    );
    expect(issuesOf([['KODE_DESA']])[0]).toMatchObject({ issue: 'missing_column' });
    expect(issuesOf([])[0]).toMatchObject({ issue: 'empty_file' });
    expect(issuesOf([header])).toEqual([{ field: 'file', issue: 'empty_file' }]);
    const many = Array.from({ length: 11 }, (_, i) =>
      row(`35050120${String(i).padStart(2, '0')}`, '0.5', '0.5', '0.5', '0.5', 'TERTINGGAL'),
    );
    expect(issuesOf([header, ...many])[0]).toMatchObject({ issue: 'too_many_rows', params: { max: 10 } });
  });
});
