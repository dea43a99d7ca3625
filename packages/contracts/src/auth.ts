import { citizenRole, staffRoles } from '@sinergi/core';
import { z } from 'zod';
import { signatory } from './common.ts';

export const role = z.enum(staffRoles);
export type StaffRoleName = z.infer<typeof role>;
/** The role of a signed-in account: staff, or a citizen's own account. */
export const accountRole = z.enum([...staffRoles, citizenRole]);

export const loginBody = z.strictObject({
  // A citizen signs in with their e-mail address.
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(256),
});

export const sessionUser = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: accountRole,
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    language: z.enum(['id', 'en']),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionInfo = z
  .object({
    user: sessionUser.nullable(),
    csrfToken: z.string().nullable(),
    permissions: z.array(z.string()),
    mode: z.enum(['demo', 'production']),
    demoPassword: z.string().nullable(),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof sessionInfo>;

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

/** The installation's public settings: mode, the active kabupaten, the region list's state. */
export const publicSettings = z
  .object({
    mode: z.enum(['demo', 'production']),
    activeKabupaten: z.object({ code: z.string(), name: z.string().nullable() }),
    regions: z.object({ ready: z.boolean(), edition: z.string().nullable(), count: z.number().int() }),
    engine: z.enum(['pglite', 'postgres']),
    /** Whether this is the installation's first government, whose administrators add others. */
    installation: z.boolean(),
  })
  .meta({ id: 'PublicSettings' });
export type PublicSettings = z.infer<typeof publicSettings>;

/**
 * What the office's documents carry (issue 19): the letterhead (kop surat), the place they are
 * signed, and the numbering pattern of a berita acara ({no}, {no:4}, {bulan}, {tahun}, {kode}).
 */
export const documentSettings = z
  .strictObject({
    government: z.string().trim().min(3).max(120),
    office: z.string().trim().max(160),
    address: z.string().trim().max(240),
    place: z.string().trim().min(2).max(60),
    numberPattern: z
      .string()
      .trim()
      .min(4)
      .max(80)
      .refine((s) => /\{no(:\d)?\}/.test(s), { error: 'needs_number', params: { token: '{no}' } }),
    /** The numbering of the other documents (IDM berita acara, reports); {jenis} names the kind. */
    reportNumberPattern: z
      .string()
      .trim()
      .min(4)
      .max(80)
      .refine((s) => /\{no(:\d)?\}/.test(s), { error: 'needs_number', params: { token: '{no}' } })
      .default('{no}/{jenis}/{kode}/{bulan}/{tahun}'),
    /**
     * The office's officials: a document's signature line for a position listed here ("Kepala
     * Bappeda") carries the name and NIP, where a forum has not named its own signatories.
     */
    pejabat: z.array(signatory).max(12).default([]),
  })
  .meta({ id: 'DocumentSettings' });
export type DocumentSettings = z.infer<typeof documentSettings>;
