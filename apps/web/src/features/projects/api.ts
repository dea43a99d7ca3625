import type { ProjectDetail, ProjectItem, RoadsView, ThresholdsView } from '@sinergi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get } from '../../app/api.ts';

/** The projects API as typed hooks; every key starts with `projects`, so `all` refreshes every view. */
export const projectKeys = {
  all: ['projects'] as const,
  list: () => [...projectKeys.all, 'list'] as const,
  detail: (id: string | undefined) => [...projectKeys.all, 'detail', id] as const,
  bottlenecks: () => [...projectKeys.all, 'bottlenecks'] as const,
  thresholds: () => [...projectKeys.all, 'thresholds'] as const,
  roads: (year: string | null) => [...projectKeys.all, 'roads', year] as const,
};

export const useProjects = () =>
  useQuery({
    queryKey: projectKeys.list(),
    queryFn: () => get<{ on: string; items: ProjectItem[] }>('/api/projects'),
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
