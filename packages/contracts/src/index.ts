export * from './audit.ts';
export * from './auth.ts';
export * from './common.ts';
export * from './jobs.ts';
export * from './messages.ts';
export * from './regions.ts';
export * from './users.ts';
export * from './village-index.ts';
