/** Real pictures for the photo tests: a decoder must be able to open what a test stores. */

/** A 1×1 grey JPEG as sharp writes it. */
export const TINY_JPEG = Buffer.from(
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKwAf//Z',
  'base64',
);

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A real 1×1 JPEG carrying an EXIF block with a capture date and a GPS position (south, east). */
export function jpegWithExif(date: string, lat: [number, number, number], lng: [number, number, number]) {
  const entries: Buffer[] = [];
  const data: Buffer[] = [];
  // Little-endian TIFF: IFD0 at 8 with two pointers, then the Exif IFD, the GPS IFD and their data.
  const ifd = (tags: [number, number, number, number | Buffer][]) => {
    const b = Buffer.alloc(2 + tags.length * 12 + 4);
    b.writeUInt16LE(tags.length, 0);
    tags.forEach(([tag, type, n, value], i) => {
      const o = 2 + i * 12;
      b.writeUInt16LE(tag, o);
      b.writeUInt16LE(type, o + 2);
      b.writeUInt32LE(n, o + 4);
      if (Buffer.isBuffer(value)) value.copy(b, o + 8);
      else b.writeUInt32LE(value, o + 8);
    });
    return b;
  };
  const ifd0At = 8;
  const exifAt = ifd0At + 2 + 2 * 12 + 4;
  const gpsAt = exifAt + 2 + 12 + 4;
  const dataAt = gpsAt + 2 + 4 * 12 + 4;
  const dateBytes = Buffer.from(`${date}\0`, 'latin1');
  const rational = (v: [number, number, number]) => {
    const b = Buffer.alloc(24);
    v.forEach((x, i) => {
      b.writeUInt32LE(x, i * 8);
      b.writeUInt32LE(1, i * 8 + 4);
    });
    return b;
  };
  const latAt = dataAt + dateBytes.length;
  const lngAt = latAt + 24;
  entries.push(
    ifd([
      [0x8769, 4, 1, exifAt],
      [0x8825, 4, 1, gpsAt],
    ]),
  );
  entries.push(ifd([[0x9003, 2, dateBytes.length, dataAt]]));
  entries.push(
    ifd([
      [0x0001, 2, 2, Buffer.from('S\0', 'latin1')],
      [0x0002, 5, 3, latAt],
      [0x0003, 2, 2, Buffer.from('E\0', 'latin1')],
      [0x0004, 5, 3, lngAt],
    ]),
  );
  data.push(dateBytes, rational(lat), rational(lng));
  const tiff = Buffer.concat([
    Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]),
    ...entries,
    ...data,
  ]);
  const app1 = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(app1.length + 2);
  // The EXIF segment right after the start marker, then the rest of a real picture.
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), len, app1, TINY_JPEG.subarray(2)]);
}
