export * from './adoption.ts';
export * from './consultation.ts';
export * from './forum.ts';
export * from './machine.ts';
export * from './outbox.ts';
export * from './plan-item.ts';
export * from './reporting.ts';
