import type { ElectionDetail, ElectionItem, PbCandidate } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../app/api.ts';

/** The participatory budgeting API as typed hooks (keys as the pages invalidate them). */
export const pbKeys = {
  list: () => ['pb-elections'] as const,
  detail: (id: string | undefined) => ['pb-election', id] as const,
  candidates: (planYear: number | '') => ['pb-candidates', planYear] as const,
};

export const useElections = () =>
  useQuery({ queryKey: pbKeys.list(), queryFn: () => get<{ items: ElectionItem[] }>('/api/pb/elections') });

export const useElection = (id: string | undefined) =>
  useQuery({ queryKey: pbKeys.detail(id), queryFn: () => get<ElectionDetail>(`/api/pb/elections/${id}`) });

export const usePbCandidates = (planYear: number | '') =>
  useQuery({
    queryKey: pbKeys.candidates(planYear),
    queryFn: () => get<{ items: PbCandidate[] }>(`/api/pb/candidates?planYear=${planYear}`),
  });
