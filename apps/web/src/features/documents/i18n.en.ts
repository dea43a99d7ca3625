import type { id } from './i18n.ts';

/** The English texts, with the keys of the Bahasa Indonesia ones; loaded when English is chosen. */
export const en: typeof id = {
  documents: {
    title: 'Letterhead and numbering',
    intro:
      'Berita acara and reports carry this letterhead. A desa or kecamatan forum puts its desa and kecamatan under the government line.',
    government: 'Government (first line of the letterhead)',
    office: 'Office name (kabupaten letterhead)',
    address: 'Office address',
    place: 'Place of signing (kabupaten level)',
    numberPattern: 'Berita acara number pattern',
    numberHelp:
      '{no} running number (3 digits; {no:4} for 4), {bulan} month in Roman numerals, {tahun} year, {kode} the forum region code.',
    example: 'Example: {{number}}',
    logo: 'Regional emblem',
    logoHelp:
      'Shown at the left of the letterhead of every record and report (JPEG, PNG or WebP, at most 2 MiB).',
    logoNone: 'No emblem yet; the letterhead has text only.',
    logoUpload: 'Upload emblem',
    logoRemove: 'Remove emblem',
    officials: 'Signing officials',
    officialsHelp:
      'Position, name and NIP (18 digits). Documents signed by this position (such as Head of Bappeda, Regional Secretary) carry the name and NIP, unless a forum names its own signatories; empty lines are ignored.',
    reportNumberPattern: 'Numbering of other documents',
    reportNumberHelp:
      'IDM records, the synchronisation matrix, monthly and evaluation reports; {jenis} is the document code (BA-IDM, MATRIKS-SINKRON, LAP-MONEV, EVAL-PROGRAM). A number is given when a document is first printed and kept afterwards.',
    saved: 'Letterhead and numbering saved.',
  },
};
