/** Hostile and oversized files, built fast, for the upload tests and the hostile-input run. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** A real workbook whose first sheet is replaced by what `sheetXml` makes of it. */
async function workbook(sheetXml: (template: string) => string, level = 6) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Kemajuan').addRow(['kode', 'tanggal', 'fisik']);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', sheetXml(sheet));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level } });
}

/** A workbook whose one sheet is `size` bytes that compress to almost nothing. */
export function xlsxBomb(size: number) {
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  return workbook(
    () => `<worksheet><sheetData>${row.repeat(Math.ceil(size / row.length))}</sheetData></worksheet>`,
    9,
  );
}

/** A real workbook with `rows` rows of three cells, written straight as sheet XML. */
export function tallXlsx(rows: number) {
  const body = Array.from(
    { length: rows },
    (_, i) =>
      `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>K${i}</t></is></c><c r="B${i + 2}"><v>${i}</v></c><c r="C${i + 2}"><v>50</v></c></row>`,
  ).join('');
  return workbook((sheet) => sheet.replace('</sheetData>', `${body}</sheetData>`));
}

/** A Pabulib approval vote of three projects and `ballots` ballots. */
export function bigPbFile(ballots: number): string {
  const votes = Array.from({ length: ballots }, (_, i) => `${i + 1};${i % 3 === 0 ? 'A' : 'B,C'}`);
  return [
    'META',
    'key;value',
    'description;Uji besar',
    'num_projects;3',
    `num_votes;${votes.length}`,
    'budget;100',
    'vote_type;approval',
    'rule;equalshares/add1',
    'PROJECTS',
    'project_id;cost;name',
    'A;60;Jalan',
    'B;40;Sumur',
    'C;30;Lampu',
    'VOTES',
    'voter_id;vote',
    ...votes,
  ].join('\n');
}
