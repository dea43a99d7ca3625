import { AppError, canLinkProposalToPlan } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as repo from './musrenbang.repository.ts';

/**
 * What other modules may ask of Musrenbang's data, without its tables: a proposal by id (projects
 * from a funded proposal), and for plans which proposals are linked to which plan items.
 */
export function proposalById(ctx: AppContext, id: string) {
  return repo.findProposal(ctx.database.db, id);
}

export function proposalsLinkedTo(ctx: AppContext, nodeIds: readonly string[]) {
  return repo.findLinkedToPlanNodes(ctx.database.db, nodeIds);
}

/**
 * Links a proposal to the plan item that would fund it (or unlinks it). Bappeda and the admin any
 * proposal; an OPD the proposals addressed to it. `checkNode` validates the item before the write.
 */
export async function setProposalPlanNode(
  ctx: AppContext,
  principal: Principal,
  proposalId: string,
  nodeId: string | null,
  checkNode: (nodeId: string) => Promise<void>,
) {
  const proposal = await repo.findProposal(ctx.database.db, proposalId);
  if (!proposal) throw new AppError('NOT_FOUND', { details: { what: proposalId } });
  if (!canLinkProposalToPlan(principal.actor, proposal)) throw new AppError('OUT_OF_SCOPE');
  if (nodeId) await checkNode(nodeId);
  await ctx.database.db.transaction(async (tx) => {
    await repo.setPlanNode(tx, [proposalId], nodeId);
    await appendAudit(tx, principal, {
      action: 'proposal.plan_linked',
      entity: 'proposal',
      entityId: proposalId,
      before: { planNodeId: proposal.planNodeId },
      after: { planNodeId: nodeId },
    });
  });
  return { ok: true as const };
}

/** The first proposals addressed to an organisation (the sample links them to its Renja program). */
export async function firstProposalsOf(ctx: AppContext, organisationId: string, limit: number) {
  return repo.firstOfOrganisation(ctx.database.db, organisationId, limit);
}

export function linkProposalsInTx(tx: Db, ids: readonly string[], nodeId: string) {
  return repo.setPlanNode(tx, ids, nodeId);
}
