import { AppError } from '@sinergi/core';
import yauzl from 'yauzl';

/** What an uploaded workbook may unpack into, all its parts together (a large real template is a few MiB). */
export const XLSX_UNPACKED_LIMIT = 32 * 1024 * 1024;
const MAX_ENTRIES = 2_000;

const tooLarge = (limit: number) =>
  new AppError('VALIDATION', {
    issues: [
      { field: 'file', issue: 'unpacks_too_large', params: { limit: `${Math.round(limit / 1048576)} MiB` } },
    ],
  });

/**
 * Checks an XLSX (a zip) before a reader loads it whole (issue 17: a 0.9 MB workbook whose sheet
 * inflates to 300 MB took 45 s and 3.5 GB). Every part is inflated as a stream and counted, and
 * yauzl refuses a part that inflates beyond the size its header declares; the file is refused as
 * soon as the total passes `limit`, so the work done is bounded by the limit, not by the file.
 */
export async function assertUnpackedWithin(data: Buffer, limit = XLSX_UNPACKED_LIMIT): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true }, (error, z) =>
      error || !z ? reject(error) : resolve(z),
    ),
  ).catch(() => {
    throw new AppError('VALIDATION', { issues: [{ field: 'file', issue: 'not_xlsx' }] });
  });
  if (zip.entryCount > MAX_ENTRIES) {
    zip.close();
    throw tooLarge(limit);
  }
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error);
    };
    zip.on('error', () =>
      fail(new AppError('VALIDATION', { issues: [{ field: 'file', issue: 'not_xlsx' }] })),
    );
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      // What the headers declare, before any work.
      if (total + entry.uncompressedSize > limit) return fail(tooLarge(limit));
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream)
          return fail(new AppError('VALIDATION', { issues: [{ field: 'file', issue: 'not_xlsx' }] }));
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > limit) {
            stream.destroy();
            fail(tooLarge(limit));
          }
        });
        stream.on('error', () =>
          fail(new AppError('VALIDATION', { issues: [{ field: 'file', issue: 'not_xlsx' }] })),
        );
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.readEntry();
  });
}
