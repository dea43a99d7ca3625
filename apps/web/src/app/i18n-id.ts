import * as allocation from '../features/allocation/i18n.ts';
import * as audit from '../features/audit/i18n.ts';
import * as auth from '../features/auth/i18n.ts';
import * as citizens from '../features/citizens/i18n.ts';
import * as consultations from '../features/consultations/i18n.ts';
import * as documents from '../features/documents/i18n.ts';
import * as home from '../features/home/i18n.ts';
import * as industry from '../features/industry/i18n.ts';
import * as installation from '../features/installation/i18n.ts';
import * as musrenbang from '../features/musrenbang/i18n.ts';
import * as citizensMusrenbang from '../features/musrenbang/i18n-public.ts';
import * as opendata from '../features/opendata/i18n.ts';
import * as outbox from '../features/outbox/i18n.ts';
import * as partners from '../features/partners/i18n.ts';
import * as pb from '../features/pb/i18n.ts';
import * as plans from '../features/plans/i18n.ts';
import * as programs from '../features/programs/i18n.ts';
import * as registry from '../features/programs/i18n-registry.ts';
import * as projects from '../features/projects/i18n.ts';
import * as regions from '../features/regions/i18n.ts';
import * as users from '../features/users/i18n.ts';
import * as villageIndex from '../features/village-index/i18n.ts';
import * as shell from './i18n-shell.ts';

/**
 * Every Indonesian text of the interface in one object: the type the keys are checked against, and
 * the whole set for tests. The app does not load it: each group's texts load with the code that
 * names them (texts-plugin.ts), the shell's with i18n.ts.
 */
export const id = {
  ...musrenbang.id,
  ...citizensMusrenbang.id,
  ...plans.id,
  ...projects.id,
  ...programs.id,
  ...registry.id,
  ...pb.id,
  ...allocation.id,
  ...regions.id,
  ...users.id,
  ...installation.id,
  ...audit.id,
  ...villageIndex.id,
  ...auth.id,
  ...home.id,
  ...outbox.id,
  ...opendata.id,
  ...consultations.id,
  ...partners.id,
  ...industry.id,
  ...citizens.id,
  ...documents.id,
  ...shell.id,
};
