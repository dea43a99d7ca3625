import { formatDate } from '@sinergi/core';

/**
 * The parts of a document an Indonesian office signs (issue 19): the letterhead (kop surat) with
 * its rule, the title with the document number, the place and date above the signatures, and the
 * signature columns with each signatory's name and NIP.
 */

/** The kop surat: the government and office in capitals, the address, and the double rule under them (as wide as the page's text). */
export interface Letterhead {
  lines: string[];
  address: string;
  place: string;
  /** The kabupaten's emblem as a PNG data URL, drawn left of the lines; null when none is set. */
  logo: string | null;
  /** The office's officials by position (document settings), who sign where no one else is named. */
  officials: readonly Signatory[];
  /** The document's registered number, shown under its title (numberLine); absent on unnumbered ones. */
  number?: string;
}

/** The kop surat: the emblem at the left, the government's and office's names centred, a double rule. */
export function letterhead(head: Letterhead, width = 515) {
  const { lines, address, logo } = head;
  const text = [
    ...lines.map((line, i) => ({
      text: line.toUpperCase(),
      bold: true,
      alignment: 'center',
      fontSize: i === lines.length - 1 ? 13 : 11,
    })),
    ...(address ? [{ text: address, alignment: 'center', fontSize: 8 }] : []),
  ];
  return [
    ...(logo
      ? [
          {
            columns: [
              { image: logo, fit: [58, 58], width: 64 },
              { stack: text, width: '*' },
              // As wide as the emblem, so the names stay centred on the page.
              { text: '', width: 64 },
            ],
          },
        ]
      : text),
    {
      canvas: [
        { type: 'line', x1: 0, y1: 4, x2: width, y2: 4, lineWidth: 2 },
        { type: 'line', x1: 0, y1: 7, x2: width, y2: 7, lineWidth: 0.5 },
      ],
      margin: [0, 2, 0, 12],
    },
  ];
}

/** "Nomor: 004/LAP-MONEV/35.05/XII/2026" under a document's title, when it has a number. */
export function numberLine(head: Pick<Letterhead, 'number'>) {
  return head.number ? [{ text: `Nomor: ${head.number}`, alignment: 'center', margin: [0, 2, 0, 8] }] : [];
}

/** The title, and the number under it ("Nomor: 007/BA-MUSRENBANG/35.05.01.2001/II/2027"), or why it has none yet. */
export function titleWithNumber(title: readonly string[], number: string | null) {
  return [
    ...title.map((text, i) => ({
      text,
      bold: true,
      alignment: 'center',
      fontSize: i === 0 ? 13 : 11,
      decoration: i === 0 ? 'underline' : undefined,
    })),
    {
      text: number ? `Nomor: ${number}` : 'Nomor: (diberikan saat forum ditutup)',
      alignment: 'center',
      margin: [0, 2, 0, 12],
    },
  ];
}

export interface Signatory {
  jabatan: string;
  nama: string;
  nip: string;
}

/**
 * The signature block: "Blitar, 2 Desember 2026" over the columns; each column the position, room
 * to sign, the name underlined and the NIP. The signers named for the document come first; else
 * each position is signed by the office's official of that position (the letterhead's), and a
 * position with no one gets a line to write the name on. Kept on one page (never split from its date).
 */
export function signedBy(
  head: Pick<Letterhead, 'place' | 'officials'>,
  isoDate: string,
  signers: readonly Signatory[],
  positions: readonly string[],
) {
  const official = (jabatan: string) =>
    head.officials.find((o) => o.jabatan.trim().toLowerCase() === jabatan.trim().toLowerCase());
  const list: Signatory[] = signers.length
    ? [...signers]
    : positions.map((jabatan) => official(jabatan) ?? { jabatan, nama: '', nip: '' });
  const place = head.place;
  return {
    unbreakable: true,
    margin: [0, 24, 0, 0],
    stack: [
      {
        text: `${place}, ${formatDate(new Date(`${isoDate}T12:00:00+07:00`))}`,
        alignment: 'right',
        margin: [0, 0, 0, 8],
      },
      {
        columns: list.map((s) => ({
          stack: [
            { text: s.jabatan, alignment: 'center', bold: true },
            { text: '\n\n\n\n', alignment: 'center' },
            s.nama
              ? { text: s.nama, alignment: 'center', bold: true, decoration: 'underline' }
              : { text: '(______________________________)', alignment: 'center' },
            ...(s.nip ? [{ text: `NIP. ${s.nip}`, alignment: 'center', fontSize: 8 }] : []),
          ],
        })),
      },
    ],
  };
}

/**
 * The attendance list as it is signed on paper: number, name, group, and a signature column where
 * odd rows sign on the left and even rows on the right, so neighbours' signatures do not overlap.
 */
export function attendanceTable(rows: readonly { nama: string; unsur: string }[]) {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [22, '*', 120, 130],
      body: [
        ['No', 'Nama', 'Unsur', 'Tanda tangan'].map((text) => ({ text, bold: true, fillColor: '#e6fcf5' })),
        ...rows.map((d, i) => [
          String(i + 1),
          d.nama,
          d.unsur || '—',
          {
            text: `${i + 1}. ....................`,
            alignment: i % 2 === 0 ? 'left' : 'right',
            margin: [0, 6, 0, 6],
          },
        ]),
      ],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#999',
      vLineColor: () => '#999',
    },
  };
}
