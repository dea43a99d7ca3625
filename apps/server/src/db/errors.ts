/** Whether the database refused a write for a unique key (PostgreSQL and PGlite both say 23505; Drizzle may wrap it). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}
