export * from './add1-board.ts';
export * from './completion.ts';
export * from './explain.ts';
export * from './pabulib.ts';
export type { Q } from './rational.ts';
export * as rational from './rational.ts';
export * from './rules.ts';
export * from './run.ts';
