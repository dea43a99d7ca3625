export * from './engine.ts';
export * from './plan.ts';
export * from './scheme.ts';
export { idm2016 } from './schemes/idm-2016.ts';
export * from './sign-off.ts';
export * from './summary.ts';
