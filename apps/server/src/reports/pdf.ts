import { createRequire } from 'node:module';
import { formatDateTime } from '@sinergi/core';

const require = createRequire(import.meta.url);

interface PdfMake {
  addFonts(fonts: unknown): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}
let loaded: PdfMake | undefined;

/**
 * pdfmake's server build with its bundled Roboto (Latin, enough for Indonesian), loaded at the
 * first report: it is a fifth of the start-up time of the server and of every command otherwise.
 */
function pdfmake(): PdfMake {
  if (loaded) return loaded;
  const printer = require('pdfmake') as PdfMake;
  const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
  const fontFiles = new Set(Object.values(fonts.Roboto));
  printer.addFonts(fonts);
  // A report never fetches anything: no URLs, and no local file but the bundled fonts.
  printer.setUrlAccessPolicy(() => false);
  printer.setLocalAccessPolicy((path) => fontFiles.has(path));
  loaded = printer;
  return printer;
}

/** Renders a pdfmake document definition (A4, Roboto) to a PDF buffer. */
export function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  return pdfmake()
    .createPdf({ pageSize: 'A4', defaultStyle: { font: 'Roboto', fontSize: 9 }, ...doc })
    .getBuffer();
}

/** The footer of every report: where and when it was printed, and the page. */
export const printedFooter = (printedAt: Date) => (page: number, pages: number) => ({
  text: `Dicetak dari Sinergi, ${formatDateTime(printedAt)} · halaman ${page} dari ${pages}`,
  alignment: 'center',
  fontSize: 7,
  color: '#666',
});

/** A bold, shaded header row for a report table. */
export const headerRow = (cells: readonly string[]) =>
  cells.map((text) => ({ text, bold: true, fillColor: '#e6fcf5' }));
