import type { ProjectDetail, ProjectList, RoadsView, ThresholdsView } from '@sinergi/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { get } from '../../app/api.ts';

/** The projects API as typed hooks; every key starts with `projects`, so `all` refreshes every view. */
export const projectKeys = {
  all: ['projects'] as const,
  list: (query: ProjectListQuery) => [...projectKeys.all, 'list', query] as const,
  detail: (id: string | undefined) => [...projectKeys.all, 'detail', id] as const,
  bottlenecks: () => [...projectKeys.all, 'bottlenecks'] as const,
  thresholds: () => [...projectKeys.all, 'thresholds'] as const,
  roads: (year: string | null) => [...projectKeys.all, 'roads', year] as const,
};

export interface ProjectListQuery {
  status: string | null;
  organisationId: string | null;
  limit: number;
  offset: number;
}

/** A page of the list with the whole portfolio's summary; the page shown stays while the next loads. */
export const useProjects = (query: ProjectListQuery) =>
  useQuery({
    queryKey: projectKeys.list(query),
    queryFn: () => {
      const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
      if (query.status) params.set('status', query.status);
      if (query.organisationId) params.set('organisationId', query.organisationId);
      return get<ProjectList>(`/api/projects?${params}`);
    },
    placeholderData: keepPreviousData,
  });

export const useProject = (id: string | undefined) =>
  useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: () => get<ProjectDetail>(`/api/projects/${id}`),
    enabled: !!id,
  });

export const useBottlenecks = () =>
  useQuery({
    queryKey: projectKeys.bottlenecks(),
    queryFn: () =>
      get<{ items: { kind: string; projects: number; money: number; meanDaysBlocked: number | null }[] }>(
        '/api/projects/bottlenecks',
      ),
  });

export const useThresholds = () =>
  useQuery({
    queryKey: projectKeys.thresholds(),
    queryFn: () => get<ThresholdsView>('/api/projects/thresholds'),
  });

export const useRoads = (year: string | null) =>
  useQuery({
    queryKey: projectKeys.roads(year),
    queryFn: () => get<RoadsView>(`/api/roads${year ? `?year=${year}` : ''}`),
  });

/** Refreshes every project view (after a report, a verification, a permit or new thresholds). */
export function useRefreshProjects() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: projectKeys.all });
}
