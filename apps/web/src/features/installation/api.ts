import type { InstallationView } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from '../../app/api.ts';

/** The installation's governments; null on a government that is not the installation's first (404). */
export const useInstallation = () =>
  useQuery({
    queryKey: ['installation'],
    queryFn: () =>
      get<InstallationView>('/api/installation').catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    staleTime: 60_000,
  });
