import { regionLevels } from '@sinergi/core';
import { z } from 'zod';
import { regionCode } from './common.ts';

export const regionLevel = z.enum(regionLevels);

export const region = z
  .object({
    code: z.string(),
    name: z.string(),
    level: regionLevel,
    kind: z.enum(['desa', 'kelurahan', 'desa_adat', 'kabupaten', 'kota']).nullable(),
    parentCode: z.string().nullable(),
  })
  .meta({ id: 'Region' });
export type Region = z.infer<typeof region>;

export const regionDetail = region
  .extend({
    ancestors: z.array(region),
    children: z.array(region.extend({ childCount: z.number().int() })),
    counts: z.object({ kecamatan: z.number().int(), desa: z.number().int(), kelurahan: z.number().int() }),
    hasBoundary: z.boolean(),
    edition: z.string(),
  })
  .meta({ id: 'RegionDetail' });
export type RegionDetail = z.infer<typeof regionDetail>;

export const regionParams = z.strictObject({ code: regionCode });

export const regionSearchQuery = z.strictObject({
  q: z.string().trim().min(2, { error: 'too_short' }).max(80),
  level: regionLevel.optional(),
  within: regionCode.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const regionSearchResult = z.object({
  items: z.array(region.extend({ path: z.string() })),
});

export const boundaryQuery = z.strictObject({ level: z.enum(['kecamatan', 'desa']).default('desa') });

export const featureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({
          code: z.string(),
          name: z.string(),
          kind: z.string().nullable(),
          parentCode: z.string().nullable(),
          labelLat: z.number().nullable(),
          labelLng: z.number().nullable(),
        }),
        geometry: z.unknown(),
      }),
    ),
  })
  .meta({ id: 'FeatureCollection', description: 'GeoJSON, coordinates [lng, lat] in WGS 84' });

export const edition = z.object({
  code: z.string(),
  title: z.string(),
  source: z.string(),
  isActive: z.boolean(),
  regionCount: z.number().int(),
  loadedAt: z.string(),
});
export const editionList = z.object({ items: z.array(edition) });
