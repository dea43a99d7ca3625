/** The vote as the API presents it, from the contracts. */
export type {
  ElectionDetail as Election,
  ElectionItem,
  Quality,
  Receipt,
  RuleConfigView as RuleConfig,
} from '@sinergi/contracts';

export type Ballot = { type: 'approval'; maxChoices: number } | { type: 'cumulative'; points: number };
