export * from './evaluation.ts';
export * from './poverty.ts';
