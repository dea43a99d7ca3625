import type { User } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../../app/api.ts';

/** The accounts as a typed hook (keys as the page invalidates them). */
export const userKeys = { list: (q: string) => ['users', q] as const };

export const useUsers = (q: string) =>
  useQuery({
    queryKey: userKeys.list(q),
    queryFn: () => get<{ items: User[]; total: number }>(`/api/users${query({ q, limit: 200 })}`),
  });
