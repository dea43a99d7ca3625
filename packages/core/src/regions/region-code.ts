import { AppError } from '../errors/app-error.ts';
import type { RegionCode } from '../types.ts';

/**
 * Kemendagri region codes (Kepmendagri 300.2.2-2138/2025), written with dots:
 * "35" provinsi, "35.05" kabupaten/kota, "35.05.01" kecamatan, "35.05.01.2001" desa/kelurahan.
 * In the 10-digit form the 9th digit (first of the last segment) is 1 for a kelurahan, 2 for a desa
 * and 3 for a desa adat (the 14 customary villages of Papua in the same list).
 */
export const regionLevels = ['provinsi', 'kabupaten', 'kecamatan', 'desa'] as const;
export type RegionLevel = (typeof regionLevels)[number];
export type VillageKind = 'desa' | 'kelurahan' | 'desa_adat';

const CODE_PATTERN = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export function isRegionCode(value: string): value is RegionCode {
  return CODE_PATTERN.test(value);
}

export function parseRegionCode(value: string): RegionCode {
  const trimmed = value.trim();
  if (!isRegionCode(trimmed))
    throw new AppError('BAD_REGION_CODE', { details: { value: trimmed.slice(0, 40) } });
  return trimmed;
}

/**
 * A desa/kelurahan code as files write it, with dots ("35.05.01.2001") or without
 * ("3505012001", as Kemendesa does), in the dotted form; null when it is neither.
 */
export function desaCodeFrom(raw: unknown): RegionCode | null {
  const c = String(raw ?? '').trim();
  if (/^\d{10}$/.test(c))
    return `${c.slice(0, 2)}.${c.slice(2, 4)}.${c.slice(4, 6)}.${c.slice(6)}` as RegionCode;
  return isRegionCode(c) && c.split('.').length === 4 ? c : null;
}

export function levelOf(code: RegionCode): RegionLevel {
  const level = regionLevels[code.split('.').length - 1];
  if (!level) throw new AppError('BAD_REGION_CODE', { details: { value: code } });
  return level;
}

export function parentOf(code: RegionCode): RegionCode | null {
  const cut = code.lastIndexOf('.');
  return cut < 0 ? null : (code.slice(0, cut) as RegionCode);
}

/** The codes of every ancestor, outermost first ("35", "35.05", "35.05.01"). */
export function ancestorsOf(code: RegionCode): RegionCode[] {
  const parts = code.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.') as RegionCode);
}

/** Desa, kelurahan or desa adat, from the first digit of the village segment; null above village level. */
export function villageKindOf(code: RegionCode): VillageKind | null {
  if (levelOf(code) !== 'desa') return null;
  const first = code.split('.')[3]?.[0];
  if (first === '1') return 'kelurahan';
  if (first === '2') return 'desa';
  if (first === '3') return 'desa_adat';
  throw new AppError('BAD_REGION_CODE', { details: { value: code } });
}

/** A desa code (level 4, 9th digit 2): the villages the IDM scores; kelurahan and desa adat are not. */
export function isDesaCode(code: RegionCode): boolean {
  return levelOf(code) === 'desa' && code.split('.')[3]![0] === '2';
}

/** True when `inner` is `outer` or lies inside it ("35.05.01.2001" lies in "35.05"). */
export function isWithin(inner: RegionCode, outer: RegionCode): boolean {
  return inner === outer || inner.startsWith(`${outer}.`);
}

/** The kecamatan part (first three segments) of a stored desa or kecamatan code, as text. */
export function kecamatanOf(code: string): string {
  return code.split('.').slice(0, 3).join('.');
}
