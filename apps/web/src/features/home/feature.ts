import type { Feature } from '../../app/feature.ts';

/** The home page is the shell's index route; the feature adds its navigation entry. */
export const feature: Feature = {
  nav: [{ order: 10, to: '/', label: 'nav.home', permission: 'account.self', province: true }],
};
