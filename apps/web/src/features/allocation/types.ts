/** The scenario as the API presents it (GET /api/scenarios/:id), from the contracts. */
export type { Explanation, ScenarioDetail as Scenario } from '@sinergi/contracts';
