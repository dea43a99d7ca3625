import type { InstallationGovernment } from '@sinergi/contracts';
import type { getInstallation } from './installation.service.ts';

type Government = Awaited<ReturnType<typeof getInstallation>>[number];

/** A government of the installation as its page shows it, field by field. */
export function presentGovernment(g: Government): InstallationGovernment {
  return {
    code: g.code,
    name: g.name,
    kind: g.kind,
    hosts: [...g.hosts],
    first: g.first,
    serving: g.serving,
    accounts: g.accounts,
  };
}
