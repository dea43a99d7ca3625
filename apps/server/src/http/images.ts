import { PHOTO_LIMIT_BYTES } from '@sinergi/contracts';
import { AppError } from '@sinergi/core';

/** Image types Sinergi takes, recognised by their first bytes rather than by name. */
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};
export const IMAGE_TYPES = Object.keys(SIGNATURES);
export const PHOTO_LIMIT = PHOTO_LIMIT_BYTES;
/** At most 40 megapixels (a phone camera takes 12 to 50): a small file cannot unpack into gigabytes. */
const MAX_PIXELS = 40_000_000;

/** The image's type when its content matches the declared type; otherwise a field error. */
export function checkedImageType(data: Buffer, declared: string): string {
  const type = IMAGE_TYPES.find((t) => SIGNATURES[t]!(data));
  if (!type || type !== declared.split(';')[0]!.trim())
    throw new AppError('VALIDATION', {
      issues: [{ field: 'body', issue: 'photo_type', params: { types: 'JPEG, PNG, WebP' } }],
    });
  return type;
}

/**
 * A photo as it is stored (issue 17): its type checked by content, then decoded whole with sharp
 * (libvips) and written again in the same format, turned upright and without its metadata. A file
 * whose header is right but whose picture is not (a PNG header over garbage, a truncated JPEG, a
 * decompression bomb) is refused, and the stored copy carries no EXIF (no GPS position, no camera
 * serial); where a form wants the place, it reads it from the original first.
 */
export async function decodedImage(data: Buffer, declared: string): Promise<{ type: string; data: Buffer }> {
  const type = checkedImageType(data, declared);
  const { default: sharp } = await import('sharp');
  try {
    const image = sharp(data, { failOn: 'error', limitInputPixels: MAX_PIXELS }).rotate();
    const out =
      type === 'image/jpeg'
        ? image.jpeg({ quality: 85, mozjpeg: false })
        : type === 'image/png'
          ? image.png()
          : image.webp({ quality: 85 });
    return { type, data: await out.toBuffer() };
  } catch {
    throw new AppError('VALIDATION', {
      issues: [{ field: 'body', issue: 'photo_unreadable', params: { types: 'JPEG, PNG, WebP' } }],
    });
  }
}

/**
 * An emblem for the letterhead (a kabupaten's logo): any photo type taken, decoded whole like a
 * photo, shrunk to at most 400 pixels a side and kept as PNG, the type every PDF reader draws.
 */
export async function emblemImage(data: Buffer, declared: string): Promise<Buffer> {
  checkedImageType(data, declared);
  const { default: sharp } = await import('sharp');
  try {
    return await sharp(data, { failOn: 'error', limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize({ width: 400, height: 400, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer();
  } catch {
    throw new AppError('VALIDATION', {
      issues: [{ field: 'body', issue: 'photo_unreadable', params: { types: 'JPEG, PNG, WebP' } }],
    });
  }
}
