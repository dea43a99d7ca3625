import type { IndexScheme } from '../scheme.ts';
import { idm2016 } from './idm-2016.ts';
import { indeksDesa2024 } from './indeks-desa-2024.ts';

/** Schemes that ship with Sinergi, by id. */
export const builtInSchemes: Readonly<Record<string, IndexScheme>> = {
  [idm2016.id]: idm2016,
  [indeksDesa2024.id]: indeksDesa2024,
};
