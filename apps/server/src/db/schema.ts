/**
 * Every table, for drizzle-kit and the engine layer: each module owns its tables in
 * modules/<name>/<name>.schema.ts; only its repository reads or writes them.
 */

export * from '../modules/allocation/allocation.schema.ts';
export * from '../modules/audit/audit.schema.ts';
export * from '../modules/auth/auth.schema.ts';
export * from '../modules/citizens/citizens.schema.ts';
export * from '../modules/consultations/consultations.schema.ts';
export * from '../modules/inbox/inbox.schema.ts';
export * from '../modules/industry/industry.schema.ts';
export * from '../modules/jobs/jobs.schema.ts';
export * from '../modules/musrenbang/musrenbang.schema.ts';
export * from '../modules/organisations/organisations.schema.ts';
export * from '../modules/partners/partners.schema.ts';
export * from '../modules/pb/pb.schema.ts';
export * from '../modules/plans/plans.schema.ts';
export * from '../modules/poverty/poverty.schema.ts';
export * from '../modules/programs/programs.schema.ts';
export * from '../modules/projects/projects.schema.ts';
export * from '../modules/regions/regions.schema.ts';
export * from '../modules/registry/registry.schema.ts';
export * from '../modules/system/system.schema.ts';
export * from '../modules/umkm/umkm.schema.ts';
export * from '../modules/users/users.schema.ts';
export * from '../modules/village-index/village-index.schema.ts';
