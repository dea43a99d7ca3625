export * from './calendar.ts';
export * from './path.ts';
export * from './ranking.ts';
export * from './similarity.ts';
