export * from './eligibility.ts';
export * from './evaluate.ts';
export * from './narrative.ts';
