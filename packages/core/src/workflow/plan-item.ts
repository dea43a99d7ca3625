import type { FieldIssue } from '../errors/app-error.ts';
import { defineMachine } from './machine.ts';

/**
 * Editing a plan: an item stays until it is deleted, and it may be deleted only when nothing
 * below it and nothing relying on it would be left dangling: no item under it, no item of a
 * lower plan supporting it, no Musrenbang proposal linked to it. The refusal names them.
 */
export interface PlanItemFacts {
  hasChildren: boolean;
  /** What still relies on the item, named as a person reads it. */
  reliedOnBy: readonly string[];
}

function deleteNeeds(f: PlanItemFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.hasChildren) issues.push({ field: 'node', issue: 'plan_has_children' });
  if (f.reliedOnBy.length > 0)
    issues.push({
      field: 'node',
      issue: 'plan_supported',
      params: {
        value: f.reliedOnBy.length,
        items:
          f.reliedOnBy.slice(0, 5).join('; ') +
          (f.reliedOnBy.length > 5 ? ` (+${f.reliedOnBy.length - 5})` : ''),
      },
    });
  return issues;
}

export const planItemMachine = defineMachine<'ada' | 'dihapus', 'hapus', PlanItemFacts>({
  name: 'plan_item',
  states: ['ada', 'dihapus'],
  steps: { hapus: { from: ['ada'], to: 'dihapus', needs: deleteNeeds } },
});
