import type { Organisation } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../app/api.ts';

/** Query keys of the organisations (OPD) list; invalidate `all` after a change. */
export const organisationKeys = { all: ['organisations'] as const };

/** The kabupaten's OPD list, fetched once and shared by every page and form that needs it. */
export function useOrganisations(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: organisationKeys.all,
    queryFn: () => get<{ items: Organisation[] }>('/api/organisations'),
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}
