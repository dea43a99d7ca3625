import type {
  DesaScorecard,
  EntryWithScores,
  IndexNational,
  IndexResultList,
  IndexSummary,
  SchemeSummary,
  WeakestList,
  Worklist,
} from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from '../../app/api.ts';

/** The village index API as typed hooks (keys as the pages invalidate them). */
export const indexKeys = {
  summary: () => ['index-summary'] as const,
  national: () => ['index-national'] as const,
  results: (year: number | undefined) => ['index-results', year] as const,
  weakest: () => ['index-weakest'] as const,
  scorecard: (code: string) => ['scorecard', code] as const,
  schemes: () => ['schemes'] as const,
  worklist: (year: number) => ['worklist', year] as const,
};

export const useIndexSummary = () =>
  useQuery({ queryKey: indexKeys.summary(), queryFn: () => get<IndexSummary>('/api/index/summary') });

/** This government beside its province and the nation (once a national file is imported). */
export const useIndexNational = () =>
  useQuery({ queryKey: indexKeys.national(), queryFn: () => get<IndexNational>('/api/index/national') });

export const useIndexResults = (year: number | undefined) =>
  useQuery({
    queryKey: indexKeys.results(year),
    queryFn: () => get<IndexResultList>(`/api/index/results?year=${year}`),
    enabled: year !== undefined,
  });

export const useWeakest = () =>
  useQuery({ queryKey: indexKeys.weakest(), queryFn: () => get<WeakestList>('/api/index/weakest') });

export const useScorecard = (code: string) =>
  useQuery({
    queryKey: indexKeys.scorecard(code),
    queryFn: () => get<DesaScorecard>(`/api/index/desa/${code}`),
  });

export const useSchemes = () =>
  useQuery({
    queryKey: indexKeys.schemes(),
    queryFn: () => get<{ items: SchemeSummary[] }>('/api/index/schemes'),
  });

export const useWorklist = (year: number, enabled = true) =>
  useQuery({
    queryKey: indexKeys.worklist(year),
    enabled,
    queryFn: () => get<Worklist>(`/api/index/worklist?year=${year}`),
  });

/** A desa's entry of a year with its scores, or null when it has entered nothing yet. */
export const useEntry = (code: string, year: number) =>
  useQuery({
    queryKey: ['entry', code, year],
    queryFn: async () => {
      try {
        return await get<EntryWithScores>(`/api/index/entries/${code}/${year}`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
