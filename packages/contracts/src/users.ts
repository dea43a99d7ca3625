import { z } from 'zod';
import { role, sessionUser } from './auth.ts';
import { regionCode, uuid } from './common.ts';

/** An account as an admin sees it: the session's view of a user, plus its status. */
export const user = sessionUser
  .omit({ language: true })
  .extend({
    active: z.boolean(),
    locked: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof user>;

export const userList = z.object({ items: z.array(user), total: z.number().int() });

export const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/i, { error: 'username_chars' });

export const createUserBody = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(120),
  password: z.string().min(1).max(256),
  role,
  organisationId: uuid.nullable().optional(),
  regionCode: regionCode.nullable().optional(),
});

export const updateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  role: role.optional(),
  organisationId: uuid.nullable().optional(),
  regionCode: regionCode.nullable().optional(),
  active: z.boolean().optional(),
  /** Clears a lockout. */
  unlock: z.literal(true).optional(),
  password: z.string().min(1).max(256).optional(),
});

export const userParams = z.strictObject({ id: uuid });
export const userListQuery = z.strictObject({
  q: z.string().trim().max(64).optional(),
  role: role.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const organisation = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    shortName: z.string(),
    kind: z.string(),
    active: z.boolean(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof organisation>;
export const organisationList = z.object({ items: z.array(organisation) });
export const organisationBody = z.strictObject({
  code: z.string().trim().min(1).max(32),
  name: z.string().trim().min(3).max(200),
  shortName: z.string().trim().min(2).max(40),
  kind: z.enum(['badan', 'dinas', 'sekretariat', 'inspektorat', 'kecamatan', 'lainnya']),
  active: z.boolean().default(true),
});
export const organisationUpdateBody = organisationBody.partial().strict();
export const organisationParams = z.strictObject({ id: uuid });
