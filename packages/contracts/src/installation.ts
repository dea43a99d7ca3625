import { z } from 'zod';
import { username } from './users.ts';

/**
 * The installation's own page (issue 22, part 1): its administrator (an administrator of the
 * installation's first government) lists the governments it serves and adds a kabupaten/kota or a
 * province, which is served at its host names as soon as its database is ready, without a restart.
 */
export const installationGovernment = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(['provinsi', 'kabupaten', 'kota']),
    /** Host names it is served at; the first government answers every other host name. */
    hosts: z.array(z.string()),
    first: z.boolean(),
    /** Whether this server answers for it already (a moment after it is added). */
    serving: z.boolean(),
    /** Accounts it has: 0 until its first administrator is made. */
    accounts: z.number().int(),
  })
  .meta({ id: 'InstallationGovernment' });
export type InstallationGovernment = z.infer<typeof installationGovernment>;

export const installationView = z
  .object({ governments: z.array(installationGovernment) })
  .meta({ id: 'Installation' });
export type InstallationView = z.infer<typeof installationView>;

/** A host name as typed: letters, digits and hyphens between dots, at most 253 characters. */
export const hostNamePattern =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** A kabupaten/kota code such as 35.72, or a province's such as 35. */
export const governmentCode = /^\d{2}(\.\d{2})?$/;

export const addGovernmentBody = z.strictObject({
  code: z.string().trim().regex(governmentCode, { error: 'government_code' }),
  /** One or more host names, separated by spaces or commas. */
  hosts: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .transform((s) => [
      ...new Set(
        s
          .toLowerCase()
          .split(/[\s,]+/)
          .filter(Boolean),
      ),
    ])
    .refine((hosts) => hosts.every((h) => hostNamePattern.test(h)), { error: 'host_name' }),
});

export const governmentParams = z.strictObject({
  code: z.string().regex(governmentCode),
});

/** The first administrator of a government just added, made from the installation's page. */
export const governmentAdminBody = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(120),
  password: z.string().min(1).max(256),
});
