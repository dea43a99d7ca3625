import i18n, { type ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { id as all } from './i18n-id.ts';
import * as shell from './i18n-shell.ts';

/**
 * The interface's texts in Bahasa Indonesia (the default and the source of truth) come from each
 * feature's i18n.ts; they load with the code that shows them (texts-plugin.ts adds the import), and
 * register here. The shell's texts are here from the start. English, with the same keys (checked by
 * the types), is assembled in i18n-en.ts and loaded whole when chosen.
 */
export type Resources = typeof all;

export const LANGUAGE_KEY = 'sinergi.lang';

export function initialLanguage(): 'id' | 'en' {
  // The server draws a page's first HTML in Bahasa Indonesia; it has no reader's choice to read.
  if (typeof localStorage === 'undefined') return 'id';
  return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'id';
}

/** Loaders of every group's texts, by group (given by boot.tsx from texts-plugin.ts). */
let loaders: Record<string, () => Promise<unknown>> = {};
const asked = new Set<string>();

void i18n.use(initReactI18next).init({
  resources: { id: { translation: shell.id } },
  partialBundledLanguages: true,
  lng: initialLanguage(),
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
  // A key of a group no loaded module named (one built at run time from parts): its group loads
  // then, and the page is drawn again with it.
  saveMissing: true,
  missingKeyHandler: (_languages, _namespace, key) => {
    const group = key.split('.')[0]!;
    const load = loaders[group];
    if (!load || asked.has(group)) return;
    asked.add(group);
    console.warn(`sinergi: texts of "${group}" loaded late (for ${key})`);
    void load().then(() => i18n.changeLanguage(i18n.language));
  },
});

/** Registers texts in Bahasa Indonesia (a feature's i18n.ts, as its code loads). */
export function addTexts(texts: object) {
  i18n.addResourceBundle('id', 'translation', texts, true, false);
}

/** Where the texts of a group are loaded from when a key of it is asked for before its code loaded. */
export function textLoaders(all: Record<string, () => Promise<unknown>>) {
  loaders = all;
}

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
