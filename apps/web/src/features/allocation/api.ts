import type { ScenarioDetail, ScenarioItem } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../app/api.ts';

/** The budget scenario API as typed hooks (keys as the pages invalidate them). */
export const scenarioKeys = {
  list: () => ['scenarios'] as const,
  detail: (id: string | undefined) => ['scenario', id] as const,
  compare: (ids: string) => ['compare', ids] as const,
};

export const useScenarios = () =>
  useQuery({
    queryKey: scenarioKeys.list(),
    queryFn: () => get<{ items: ScenarioItem[] }>('/api/scenarios'),
  });

export const useScenario = (id: string | undefined) =>
  useQuery({ queryKey: scenarioKeys.detail(id), queryFn: () => get<ScenarioDetail>(`/api/scenarios/${id}`) });

export const useComparison = (ids: string) =>
  useQuery({
    queryKey: scenarioKeys.compare(ids),
    queryFn: () => get<{ items: ScenarioDetail[] }>(`/api/scenarios/compare?ids=${ids}`),
    // Opened without scenarios (a bookmark, a typed address) there is nothing to ask for.
    enabled: ids !== '',
  });
