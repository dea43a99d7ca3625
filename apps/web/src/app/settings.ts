import type { PublicSettings } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { get } from './api.ts';

/** Query keys of the installation's settings. */
export const settingsKeys = { all: ['settings'] as const };

/** The installation's public settings: mode, the active kabupaten, whether the region list is loaded. */
export function useSettings(options: { pollUntilRegionsReady?: boolean } = {}) {
  return useQuery({
    queryKey: settingsKeys.all,
    queryFn: () => get<PublicSettings>('/api/settings'),
    staleTime: 5 * 60_000,
    ...(options.pollUntilRegionsReady
      ? {
          refetchInterval: (q: { state: { data?: PublicSettings } }) =>
            q.state.data?.regions.ready ? false : 2000,
        }
      : {}),
  });
}

/** The code of the kabupaten this installation serves (e.g. "35.05"), once the settings are read. */
export function useActiveKabupaten(): string | undefined {
  return useSettings().data?.activeKabupaten.code;
}
