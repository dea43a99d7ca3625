import { z } from 'zod';

export const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];

export const regionCode = z
  .string()
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { error: 'region_code' })
  .meta({ description: 'Kemendagri code with dots, e.g. 35.05.01.2001', example: '35.05.01.2001' });

/** One who signs a document: position, name and, for a civil servant, the 18-digit NIP. */
export const signatory = z.strictObject({
  jabatan: z.string().trim().min(2).max(80),
  nama: z.string().trim().min(2).max(120),
  nip: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .regex(/^\d{18}$/, { error: 'nip' }),
    ])
    .default(''),
});

/** A photo as stored: its id, type and size after decoding (the answer of every photo upload). */
export const photoStored = z.object({ id: z.string(), mediaType: z.string(), size: z.number().int() });

export const uuid = z.uuid();
export const isoDateTime = z.string().meta({ description: 'ISO 8601 date-time' });

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    issues: z.array(z.object({ field: z.string(), issue: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details, in the language of the request' });

export const okResponse = z.object({ ok: z.literal(true) });

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** A computed figure that may not be a number (a share over no one, the spread of one value): sent as null. */
export const figure = z.number().nullable();

/** The largest photo the server takes (a proposal's, a report's, a site's), checked before sending too. */
export const PHOTO_LIMIT_BYTES = 5 * 1024 * 1024;
