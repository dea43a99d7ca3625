import type {
  Drill,
  HistoryEntry,
  LinkTarget,
  NomenclatureList,
  PlanDetail,
  PlanSummary,
  ProvinceOverview,
  ProvinceSynchronisation,
  SeriesList,
  Synchronisation,
  WorkItem,
} from '@sinergi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get } from '../../app/api.ts';

/**
 * The plans API as typed hooks. Every key starts with `plans`, so one invalidation of `all` after
 * an edit refreshes the tree, its history, the dashboard and the lists that draw on them.
 */
export const planKeys = {
  all: ['plans'] as const,
  list: () => [...planKeys.all, 'list'] as const,
  detail: (id: string | undefined) => [...planKeys.all, 'detail', id] as const,
  history: (id: string) => [...planKeys.all, 'history', id] as const,
  linkTargets: (id: string | undefined) => [...planKeys.all, 'link-targets', id] as const,
  sync: (year: string) => [...planKeys.all, 'sync', year] as const,
  drill: (node: string, year: string) => [...planKeys.all, 'drill', node, year] as const,
  workItems: () => [...planKeys.all, 'work-items'] as const,
  nomenclature: (q: string) => [...planKeys.all, 'nomenclature', q] as const,
  series: (indicator: string | null) => [...planKeys.all, 'series', indicator] as const,
  province: () => [...planKeys.all, 'province'] as const,
  provinceSync: (year: string) => [...planKeys.all, 'province-sync', year] as const,
};

const q = (s: string) => encodeURIComponent(s);

export const usePlans = () =>
  useQuery({ queryKey: planKeys.list(), queryFn: () => get<{ items: PlanSummary[] }>('/api/plans') });

/** A plan of this government, or (with `kabupaten`) one of a kabupaten's, read by its province. */
export const usePlan = (id: string | undefined, kabupaten?: string) =>
  useQuery({
    queryKey: kabupaten ? [...planKeys.detail(id), kabupaten] : planKeys.detail(id),
    queryFn: () =>
      get<PlanDetail>(
        kabupaten ? `/api/plans/province/kabupaten/${kabupaten}/plans/${id}` : `/api/plans/${id}`,
      ),
    enabled: !!id,
  });

/** This government's province served beside it, or a province's kabupaten/kota and their plans. */
export const useProvince = () =>
  useQuery({ queryKey: planKeys.province(), queryFn: () => get<ProvinceOverview>('/api/plans/province') });

export const useProvinceSync = (year: string, enabled: boolean) =>
  useQuery({
    queryKey: planKeys.provinceSync(year),
    queryFn: () => get<ProvinceSynchronisation>(`/api/plans/province/sync?year=${year}`),
    enabled,
  });

export const usePlanHistory = (id: string) =>
  useQuery({
    queryKey: planKeys.history(id),
    queryFn: () => get<{ items: HistoryEntry[] }>(`/api/plans/${id}/history`),
  });

export const useLinkTargets = (id: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: planKeys.linkTargets(id),
    queryFn: () => get<{ items: LinkTarget[] }>(`/api/plans/${id}/link-targets`),
    enabled: !!id && enabled,
  });

export const useSynchronisation = (year: string) =>
  useQuery({
    queryKey: planKeys.sync(year),
    queryFn: () => get<Synchronisation>(`/api/plans/sync?year=${year}`),
  });

export const useDrill = (node: string, year: string) =>
  useQuery({
    queryKey: planKeys.drill(node, year),
    queryFn: () => get<Drill>(`/api/plans/drill?node=${node}&year=${year}`),
  });

export const useWorkItems = (enabled = true) =>
  useQuery({
    queryKey: planKeys.workItems(),
    queryFn: () => get<{ items: WorkItem[] }>('/api/plans/work-items'),
    enabled,
  });

export const useNomenclature = (search: string, enabled = true) =>
  useQuery({
    queryKey: planKeys.nomenclature(search),
    queryFn: () => get<NomenclatureList>(`/api/nomenclature?q=${q(search)}`),
    enabled,
  });

export const useSeries = (indicator: string | null = null) =>
  useQuery({
    queryKey: planKeys.series(indicator),
    queryFn: () => get<SeriesList>(`/api/stats/series${indicator ? `?indicator=${q(indicator)}` : ''}`),
  });

/** Refreshes everything the plans pages show (after an edit or an import). */
export function useRefreshPlans() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: planKeys.all });
}
