import { type IndexScheme, idm2016 } from '@sinergi/core';

/** Schemes that ship with Sinergi, by id. */
export const builtInSchemes: Readonly<Record<string, IndexScheme>> = { [idm2016.id]: idm2016 };
