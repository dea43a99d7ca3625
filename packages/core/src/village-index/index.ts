export * from './engine.ts';
export * from './plan.ts';
export * from './rumusan.ts';
export * from './scheme.ts';
export { builtInSchemes } from './schemes/built-in.ts';
export { idm2016 } from './schemes/idm-2016.ts';
export { indeksDesa2024 } from './schemes/indeks-desa-2024.ts';
export * from './sign-off.ts';
export * from './summary.ts';
