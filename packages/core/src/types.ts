/** Branded unit types: the compiler keeps rupiah, ratios and codes apart. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Integer rupiah. */
export type Rupiah = Brand<number, 'Rupiah'>;
/** A share between 0 and 1. */
export type Ratio = Brand<number, 'Ratio'>;
/** A Kemendagri region code written with dots, e.g. "35.05.01.2001". */
export type RegionCode = Brand<string, 'RegionCode'>;
