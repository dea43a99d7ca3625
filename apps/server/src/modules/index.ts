import { allocationModule } from './allocation/allocation.module.ts';
import { auditModule } from './audit/audit.module.ts';
import { authModule } from './auth/auth.module.ts';
import { backupsModule } from './backups/backups.module.ts';
import { citizensModule } from './citizens/citizens.module.ts';
import { consultationsModule } from './consultations/consultations.module.ts';
import { inboxModule } from './inbox/inbox.module.ts';
import type { WaitingSource } from './inbox/inbox.service.ts';
import { industryModule } from './industry/industry.module.ts';
import { installationModule } from './installation/installation.module.ts';
import { jobsModule } from './jobs/jobs.module.ts';
import type { JobHandler, Module } from './module.ts';
import { musrenbangModule } from './musrenbang/musrenbang.module.ts';
import { opendataModule } from './opendata/opendata.module.ts';
import { organisationsModule } from './organisations/organisations.module.ts';
import { partnersModule } from './partners/partners.module.ts';
import { pbModule } from './pb/pb.module.ts';
import { plansModule } from './plans/plans.module.ts';
import { portalModule } from './portal/portal.module.ts';
import { povertyModule } from './poverty/poverty.module.ts';
import { programsModule } from './programs/programs.module.ts';
import { projectsModule } from './projects/projects.module.ts';
import { regionsModule } from './regions/regions.module.ts';
import { registryModule } from './registry/registry.module.ts';
import { systemModule } from './system/system.module.ts';
import { umkmModule } from './umkm/umkm.module.ts';
import { usersModule } from './users/users.module.ts';
import { villageIndexModule } from './village-index/village-index.module.ts';

export const modules: readonly Module[] = [
  systemModule,
  authModule,
  organisationsModule,
  usersModule,
  regionsModule,
  auditModule,
  jobsModule,
  backupsModule,
  installationModule,
  villageIndexModule,
  musrenbangModule,
  allocationModule,
  pbModule,
  registryModule,
  umkmModule,
  programsModule,
  povertyModule,
  projectsModule,
  plansModule,
  portalModule,
  citizensModule,
  consultationsModule,
  partnersModule,
  industryModule,
  opendataModule,
  inboxModule(() => waitingSources),
];

/** Every module's list of what waits for an account (the home page, the notifier). */
export const waitingSources: readonly WaitingSource[] = modules.flatMap((m) =>
  m.waiting ? [m.waiting.bind(m)] : [],
);

export const jobHandlers: Readonly<Record<string, JobHandler>> = Object.assign(
  {},
  ...modules.map((m) => m.jobs ?? {}),
);
