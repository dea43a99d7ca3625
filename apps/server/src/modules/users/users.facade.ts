import type { AppContext } from '../../context.ts';
import * as repo from './users.repository.ts';

/** What the users module offers others: the active accounts (the notification sweep acts as each). */
export function activeAccounts(ctx: AppContext) {
  return repo.findActiveAccounts(ctx.database.db);
}

/** An account's id by its user name (the demo seed gives the council's sample pokir to its account). */
export function accountIdOf(ctx: AppContext, username: string) {
  return repo.findIdByUsername(ctx.database.db, username);
}
