import type { UmkmRow } from './umkm.repository.ts';

/** What the API shows of a small business: never its owner's id (the owner's name only where allowed). */
export function presentUmkm(u: UmkmRow) {
  return {
    id: u.id,
    name: u.name,
    sector: u.sector,
    products: u.products,
    permits: u.permits,
    channels: u.channels,
    regionCode: u.regionCode,
    sample: u.sample,
  };
}
