import { AppError } from '@sinergi/core';

/** Image types Sinergi takes, recognised by their first bytes rather than by name. */
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};
export const IMAGE_TYPES = Object.keys(SIGNATURES);
export const PHOTO_LIMIT = 5 * 1024 * 1024;

/** The image's type when its content matches the declared type; otherwise a field error. */
export function checkedImageType(data: Buffer, declared: string): string {
  const type = IMAGE_TYPES.find((t) => SIGNATURES[t]!(data));
  if (!type || type !== declared.split(';')[0]!.trim())
    throw new AppError('VALIDATION', {
      issues: [{ field: 'body', issue: 'photo_type', params: { types: 'JPEG, PNG, WebP' } }],
    });
  return type;
}
