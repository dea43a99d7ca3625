import type { RegionDetail } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../app/api.ts';

/** Query keys of regions. */
export const regionKeys = {
  detail: (code: string | null | undefined) => ['region', code ?? null] as const,
  boundaries: (level: 'kecamatan' | 'desa') => ['boundaries', level] as const,
};

/** A region with its children (kecamatan of a kabupaten, desa of a kecamatan); waits while the code is unknown. */
export function useRegion(code: string | null | undefined) {
  return useQuery({
    queryKey: regionKeys.detail(code),
    queryFn: () => get<RegionDetail>(`/api/regions/${code}`),
    enabled: !!code,
    staleTime: 5 * 60_000,
  });
}
