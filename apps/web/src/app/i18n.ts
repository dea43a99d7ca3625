import i18n, { type ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
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
 * Every string the interface shows in Bahasa Indonesia (the default and the source of truth),
 * assembled from each feature's i18n.ts. English, with the same keys (checked by the types), is
 * assembled in i18n-en.ts and loaded only when chosen: a first visit downloads one language.
 */
const id = {
  ...musrenbang.id,
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

export type Resources = typeof id;

export const LANGUAGE_KEY = 'sinergi.lang';

export function initialLanguage(): 'id' | 'en' {
  return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'id';
}

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id } },
  partialBundledLanguages: true,
  lng: initialLanguage(),
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
});

/** Makes the texts of a language available; call before switching to it (English loads once). */
export async function loadLanguage(language: 'id' | 'en'): Promise<void> {
  if (language === 'id' || i18n.hasResourceBundle('en', 'translation')) return;
  const { en } = await import('./i18n-en.ts');
  i18n.addResourceBundle('en', 'translation', en);
}

export default i18n;

// A key that is not in the texts fails the type check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Resources };
  }
}

/** The keys of the texts whose values are lists of codes (`musrenbang.stages`, `roles`, ...). */
type Vocabularies<R> = {
  [N in keyof R & string]: R[N] extends Record<string, string>
    ? N
    : {
        [S in keyof R[N] & string]: R[N][S] extends Record<string, string> ? `${N}.${S}` : never;
      }[keyof R[N] & string];
}[keyof R & string];
export type Vocabulary = Vocabularies<Resources>;

/**
 * The text of a code from the server in one of the vocabularies (a stage, a status, a kind): the
 * list is checked by the types; a code the texts lack shows as itself, never as a key path.
 */
export function vocab(list: Vocabulary, code: string | null | undefined, options?: Record<string, unknown>) {
  if (code === null || code === undefined || code === '') return '';
  const key = `${list}.${code}`;
  return i18n.exists(key) ? (i18n.t as unknown as (k: string, o?: object) => string)(key, options) : code;
}

/** A key of the texts, for lists that carry keys (navigation, table rows). */
export type TextKey = ParseKeys;
