/** Indonesian formats: Rp1.250.000; 23 November 2026; 1.234,5. The language only changes month names. */
/**
 * Formatters are made once per set of options: making an Intl formatter costs far more than using
 * one, and a table or a map formats hundreds of values per render (the village index map spent
 * 50 ms of a 4x-throttled render making them, issue 18).
 */
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function made<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formats.get(key) as T | undefined;
  if (!f) {
    f = make();
    formats.set(key, f);
  }
  return f;
}

const dateFormat = (key: string, locale: string, options: Intl.DateTimeFormatOptions) =>
  made(`date:${key}`, () => new Intl.DateTimeFormat(locale, options));

export function formatNumber(value: number, fractionDigits = 0): string {
  return made(
    `number:${fractionDigits}`,
    () =>
      new Intl.NumberFormat('id-ID', {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }),
  ).format(value);
}

/** Rp1.250.000, by the whole-number formatter, made when first used (not at load). */
export function formatRupiah(value: number): string {
  const sign = value < 0 ? '-' : '';
  return `${sign}Rp${formatNumber(Math.abs(Math.round(value)))}`;
}

const TZ = 'Asia/Jakarta';

export function formatDate(iso: string | Date, lang: 'id' | 'en' = 'id'): string {
  return dateFormat(`date-${lang}`, lang === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TZ,
  }).format(new Date(iso));
}

/** A month as words: "2026-11" is "November 2026" ("November 2026" in English too). */
export function formatMonth(month: string, lang: 'id' | 'en' = 'id'): string {
  return dateFormat(`month-${lang}`, lang === 'en' ? 'en-GB' : 'id-ID', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

export function formatDateTime(iso: string | Date, lang: 'id' | 'en' = 'id'): string {
  const d = new Date(iso);
  const time = dateFormat('time', 'id-ID', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: TZ,
  })
    .format(d)
    .replace('.', ':');
  return `${formatDate(d, lang)}, ${time} WIB`;
}

/** Today's calendar date (YYYY-MM-DD) in the office's time zone (WIB unless told), not the browser's UTC. */
export function todayIn(timeZone = TZ, now: Date = new Date()): string {
  return dateFormat(`today-${timeZone}`, 'en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const monthNames: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  agu: 8,
  agt: 8,
  ags: 8,
  agustus: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  nopember: 11,
  november: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
};

/**
 * A date as people in an Indonesian office type it: "17/08/2026", "17-8-2026", "17.08.2026",
 * "17 Agustus 2026", "17 agt 2026" or "2026-08-17". Returns YYYY-MM-DD, or null for anything that is
 * not a real calendar date (31 Juni is refused, not rolled over).
 */
export function parseIndonesianDate(text: string): string | null {
  const s = text.trim().toLowerCase();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const named = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(s);
  let ymd: [number, number, number] | null = null;
  if (iso) ymd = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (numeric) ymd = [Number(numeric[3]), Number(numeric[2]), Number(numeric[1])];
  else if (named && monthNames[named[2]!]) ymd = [Number(named[3]), monthNames[named[2]!]!, Number(named[1])];
  if (!ymd) return null;
  const [y, m, d] = ymd;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** A file size the Indonesian way: "312,4 MB", "5 MB", "640 KB". */
export function formatFileSize(bytes: number): string {
  const mb = bytes / 2 ** 20;
  if (mb >= 1) return `${formatNumber(mb, Number.isInteger(mb) ? 0 : 1)} MB`;
  return `${formatNumber(Math.round(bytes / 1024))} KB`;
}
