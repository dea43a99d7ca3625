import { z } from 'zod';

const rupiah = z.number().int().min(0).max(1e15);
const money = z.record(z.string().min(1).max(100), rupiah);
const id = z.string().min(1).max(100);

/** The rules of an allocation scenario (also the `rules.json` of `sinergi allocate`). */
export const portfolioRules = z
  .strictObject({
    opdCaps: money.optional(),
    opdFloors: money.optional(),
    bidangCaps: money.optional(),
    bidangFloors: money.optional(),
    kecamatanFloors: money.optional(),
    mustFund: z.array(id).max(100_000).optional(),
    requires: z
      .array(z.tuple([id, id]))
      .max(100_000)
      .optional(),
    exclusive: z.array(z.array(id).min(2).max(1000)).max(100_000).optional(),
    yearCeilings: z.record(z.string().regex(/^\d{4}$/, { error: 'year' }), rupiah).optional(),
  })
  .meta({ id: 'PortfolioRules' });
export type PortfolioRulesInput = z.infer<typeof portfolioRules>;
