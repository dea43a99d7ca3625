export * from './analysis.ts';
export * from './disclosure.ts';
export * from './emissions.ts';
export * from './training.ts';
