export * from './cycles.ts';
export * from './eligibility.ts';
export * from './evaluate.ts';
export * from './narrative.ts';
export * from './targeting.ts';
