export * from './auth/password.ts';
export * from './auth/policy.ts';
export * from './errors/app-error.ts';
export * from './format.ts';
export * from './jobs.ts';
export * from './musrenbang/index.ts';
export * from './regions/region-code.ts';
export type * from './types.ts';
export * from './village-index/index.ts';
