import { en as allocation } from '../features/allocation/i18n.en.ts';
import { en as audit } from '../features/audit/i18n.en.ts';
import { en as auth } from '../features/auth/i18n.en.ts';
import { en as citizens } from '../features/citizens/i18n.en.ts';
import { en as consultations } from '../features/consultations/i18n.en.ts';
import { en as documents } from '../features/documents/i18n.en.ts';
import { en as home } from '../features/home/i18n.en.ts';
import { en as industry } from '../features/industry/i18n.en.ts';
import { en as installation } from '../features/installation/i18n.en.ts';
import { en as musrenbang } from '../features/musrenbang/i18n.en.ts';
import { en as citizensMusrenbang } from '../features/musrenbang/i18n-public.en.ts';
import { en as opendata } from '../features/opendata/i18n.en.ts';
import { en as outbox } from '../features/outbox/i18n.en.ts';
import { en as partners } from '../features/partners/i18n.en.ts';
import { en as pb } from '../features/pb/i18n.en.ts';
import { en as plans } from '../features/plans/i18n.en.ts';
import { en as programs } from '../features/programs/i18n.en.ts';
import { en as registry } from '../features/programs/i18n-registry.en.ts';
import { en as projects } from '../features/projects/i18n.en.ts';
import { en as regions } from '../features/regions/i18n.en.ts';
import { en as users } from '../features/users/i18n.en.ts';
import { en as villageIndex } from '../features/village-index/i18n.en.ts';
import type { Resources } from './i18n.ts';
import { en as shell } from './i18n-shell.en.ts';

/** Every English text, with the keys of the Bahasa Indonesia ones (i18n.ts); loaded when chosen. */
export const en: Resources = {
  ...musrenbang,
  ...citizensMusrenbang,
  ...plans,
  ...projects,
  ...programs,
  ...registry,
  ...pb,
  ...allocation,
  ...regions,
  ...users,
  ...installation,
  ...audit,
  ...villageIndex,
  ...auth,
  ...home,
  ...outbox,
  ...opendata,
  ...consultations,
  ...partners,
  ...industry,
  ...citizens,
  ...documents,
  ...shell,
};
