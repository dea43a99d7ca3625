import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import * as repo from './users.repository.ts';

/** What the users module offers others: the active accounts (the notification sweep acts as each). */
export function activeAccounts(ctx: AppContext) {
  return repo.findActiveAccounts(ctx.database.db);
}

/** An account's id by its user name (the demo seed gives the council's sample pokir to its account). */
export function accountIdOf(ctx: AppContext, username: string) {
  return repo.findIdByUsername(ctx.database.db, username);
}

/** A citizen's account by its e-mail address (its user name). */
export function accountByUsername(ctx: AppContext, username: string) {
  return repo.findByUsername(ctx.database.db, username);
}

/**
 * A citizen's account (role warga), created inactive: it signs in once the e-mail link is opened
 * (citizens module). Written in the caller's transaction with its verification.
 */
export function insertCitizenAccount(
  tx: Db,
  account: { username: string; displayName: string; passwordHash: string; language: string },
) {
  return repo.insertUser(tx, { ...account, role: 'warga', active: false });
}

export function setAccountActive(tx: Db, id: string, active: boolean) {
  return repo.updateUser(tx, id, { active });
}

export function accountById(ctx: AppContext, id: string) {
  return repo.findUserWithNames(ctx.database.db, id);
}
