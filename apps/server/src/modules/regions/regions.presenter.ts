import type { Region } from '@sinergi/contracts';
import { regionLevels } from '@sinergi/core';
import type { EditionRow, RegionRow } from './regions.repository.ts';

export function presentRegion(row: RegionRow): Region {
  return {
    code: row.code,
    name: row.name,
    level: regionLevels[row.level - 1] ?? 'desa',
    kind: row.kind as Region['kind'],
    parentCode: row.parentCode,
  };
}

export function presentEdition(row: EditionRow) {
  return {
    code: row.code,
    title: row.title,
    source: row.source,
    isActive: row.isActive,
    regionCount: row.regionCount,
    loadedAt: row.loadedAt.toISOString(),
  };
}
