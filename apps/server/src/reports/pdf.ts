import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// pdfmake's server build with its bundled Roboto (Latin, enough for Indonesian).
const pdfmake = require('pdfmake') as {
  addFonts(fonts: unknown): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
};
const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
const fontFiles = new Set(Object.values(fonts.Roboto));
pdfmake.addFonts(fonts);
// A report never fetches anything: no URLs, and no local file but the bundled fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));

/** Renders a pdfmake document definition (A4, Roboto) to a PDF buffer. */
export function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  return pdfmake
    .createPdf({ pageSize: 'A4', defaultStyle: { font: 'Roboto', fontSize: 9 }, ...doc })
    .getBuffer();
}
