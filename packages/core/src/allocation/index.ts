export * from './criteria.ts';
export * from './portfolio.ts';
