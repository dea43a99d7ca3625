import type {
  forumDetail,
  forumList,
  kamusList,
  PublicProposalDetail,
  proposalDetail,
} from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, query } from '../../app/api.ts';

/** The Musrenbang API as typed hooks (keys as the pages invalidate them). */
export const musrenbangKeys = {
  proposal: (id: string | undefined) => ['proposal', id] as const,
  forum: (id: string | undefined) => ['forum', id] as const,
  forums: (year: number | '') => ['forums', year] as const,
  kamus: () => ['kamus'] as const,
  track: (code: string | undefined) => ['track', code] as const,
};

export const useProposal = (id: string | undefined) =>
  useQuery({
    queryKey: musrenbangKeys.proposal(id),
    queryFn: () => get<z.infer<typeof proposalDetail>>(`/api/proposals/${id}`),
  });

export const useForum = (id: string | undefined) =>
  useQuery({
    queryKey: musrenbangKeys.forum(id),
    queryFn: () => get<z.infer<typeof forumDetail>>(`/api/forums/${id}`),
  });

export const useForums = (year: number | '') =>
  useQuery({
    queryKey: musrenbangKeys.forums(year),
    queryFn: () => get<z.infer<typeof forumList>>(`/api/forums${query({ year: year || undefined })}`),
  });

export const useKamus = () =>
  useQuery({ queryKey: musrenbangKeys.kamus(), queryFn: () => get<z.infer<typeof kamusList>>('/api/kamus') });

export const useTracking = (code: string | undefined) =>
  useQuery({
    queryKey: musrenbangKeys.track(code),
    queryFn: () => get<PublicProposalDetail>(`/api/public/proposals/${encodeURIComponent(code!)}`),
    enabled: !!code,
  });
