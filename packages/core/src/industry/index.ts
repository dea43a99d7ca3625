export * from './analysis.ts';
export * from './emissions.ts';
export * from './training.ts';
