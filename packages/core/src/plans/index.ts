export * from './indicators.ts';
export * from './sync.ts';
