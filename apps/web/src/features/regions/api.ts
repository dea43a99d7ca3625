import type { RegionDetail } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { get, READ_IN_BROWSER } from '../../app/api.ts';
import type { MapFeatureCollection } from './RegionMap.tsx';

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

/** The boundaries of the kabupaten's kecamatan or desa (GeoJSON), fetched once and shared. */
export function useBoundaries(level: 'kecamatan' | 'desa', enabled = true) {
  return useQuery({
    queryKey: regionKeys.boundaries(level),
    queryFn: () => get<MapFeatureCollection>(`/api/regions/boundaries?level=${level}`),
    staleTime: Number.POSITIVE_INFINITY,
    meta: READ_IN_BROWSER,
    enabled,
  });
}
