export * from './adoption.ts';
export * from './forum.ts';
export * from './machine.ts';
export * from './reporting.ts';
