import type { AppContext } from '../../context.ts';
import * as repo from './users.repository.ts';

/** What the users module offers others: the active accounts (the notification sweep acts as each). */
export function activeAccounts(ctx: AppContext) {
  return repo.findActiveAccounts(ctx.database.db);
}
