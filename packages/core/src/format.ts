/** Indonesian formats: Rp1.250.000; 23 November 2026; 1.234,5. The language only changes month names. */
/**
 * Numbers and dates are written here by hand, not by Intl: the first Intl formatter a page makes
 * loads the browser's locale data, 120-230 ms of a 4x-throttled phone's main thread before anything
 * is shown (issue 18). The text is Intl's to the character (format.test.ts holds it to Intl on
 * random values); what these rules do not cover (a number beyond 1e21's digits, a date before 1970,
 * another time zone) is still Intl's.
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

const SHORTEST = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * |value| rounded to `fractionDigits` as Intl rounds it: the shortest decimal that reads back as the
 * value (JavaScript's own text of it, so 1.005 is 1.005, not 1.00499...), halves away from zero.
 * Gives the whole part's digits and the fraction's, or null where Intl is left to say it.
 */
function roundedDigits(value: number, fractionDigits: number): [string, string] | null {
  const m = SHORTEST.exec(String(Math.abs(value)));
  if (!m) return null;
  const digits = (m[1]! + (m[2] ?? '')).split('').map(Number);
  // The decimal point sits after `point` of the digits (negative: zeros before them).
  let point = m[1]!.length + Number(m[3] ?? 0);
  const keep = point + fractionDigits;
  if (keep < 0) return ['0', '0'.repeat(fractionDigits)];
  const up = keep < digits.length && digits[keep]! >= 5;
  digits.length = Math.min(digits.length, keep);
  while (digits.length < keep) digits.push(0);
  if (up) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) digits[i--] = 0;
    if (i >= 0) digits[i]!++;
    else {
      digits.unshift(1);
      point++;
    }
  }
  while (point < 1) {
    digits.unshift(0);
    point++;
  }
  const whole = digits
    .slice(0, point)
    .join('')
    .replace(/^0+(?=\d)/, '');
  return [whole, digits.slice(point).join('')];
}

/** The whole part in groups of three, "1234567" as "1.234.567" (`group` "."). */
const inThrees = (whole: string, group: string) => whole.replace(/\B(?=(\d{3})+$)/g, group);

/**
 * The value written with `group` between thousands and `decimal` before the fraction, rounded to
 * `fractionDigits` (trailing zeros of the fraction dropped when `trim`); null where Intl is left to say it.
 */
function written(value: number, fractionDigits: number, group: string, decimal: string, trim: boolean) {
  const parts = Number.isFinite(value) ? roundedDigits(value, fractionDigits) : null;
  if (!parts) return null;
  const fraction = trim ? parts[1].replace(/0+$/, '') : parts[1];
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${inThrees(parts[0], group)}${fraction ? `${decimal}${fraction}` : ''}`;
}

/** 1.234.567,5 with exactly `fractionDigits` after the comma (Intl's id-ID text). */
export function formatNumber(value: number, fractionDigits = 0): string {
  return (
    written(value, fractionDigits, '.', ',', false) ??
    made(
      `number:${fractionDigits}`,
      () =>
        new Intl.NumberFormat('id-ID', {
          minimumFractionDigits: fractionDigits,
          maximumFractionDigits: fractionDigits,
        }),
    ).format(value)
  );
}

/**
 * A number in a sentence, as Intl writes it by default: up to three decimals, none written as a
 * trailing zero; 1.234.567,5 in Indonesian, 1,234,567.5 in English.
 */
export function formatAmount(value: number, lang: 'id' | 'en' = 'id'): string {
  const [group, decimal] = lang === 'en' ? [',', '.'] : ['.', ','];
  return (
    written(value, 3, group, decimal, true) ??
    made(`amount:${lang}`, () => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID')).format(value)
  );
}

/** Rp1.250.000, in whole rupiah. */
export function formatRupiah(value: number): string {
  const sign = value < 0 ? '-' : '';
  return `${sign}Rp${formatNumber(Math.abs(Math.round(value)))}`;
}

/**
 * An amount in its own currency: rupiah as Rp150.000.000; another currency (a vote imported from
 * a Pabulib file held in zloty, say) as 5.000 PLN, never as rupiah; none known, the number alone.
 */
export function formatMoney(value: number, currency: string): string {
  if (currency === 'IDR') return formatRupiah(value);
  const amount = formatNumber(Math.round(value));
  return currency ? `${amount} ${currency}` : amount;
}

const TZ = 'Asia/Jakarta';
/** WIB has been UTC+7 since 1964; earlier instants are left to Intl's zone history. */
const WIB_MS = 7 * 3600_000;

export const monthWords = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

/** The instant as a wall clock in WIB (read with getUTC*), or null before 1970. */
function inWib(d: Date): Date | null {
  const t = d.getTime();
  return Number.isFinite(t) && t >= 0 ? new Date(t + WIB_MS) : null;
}

const two = (n: number) => String(n).padStart(2, '0');

export function formatDate(iso: string | Date, lang: 'id' | 'en' = 'id'): string {
  const d = new Date(iso);
  const wib = inWib(d);
  if (wib) return `${wib.getUTCDate()} ${monthWords[lang][wib.getUTCMonth()]} ${wib.getUTCFullYear()}`;
  return dateFormat(`date-${lang}`, lang === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TZ,
  }).format(d);
}

/** A month as words: "2026-11" is "November 2026" ("November 2026" in English too). */
export function formatMonth(month: string, lang: 'id' | 'en' = 'id'): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const n = m ? Number(m[2]) : 0;
  if (m && n >= 1 && n <= 12 && Number(m[1]) >= 1970) return `${monthWords[lang][n - 1]} ${Number(m[1])}`;
  return dateFormat(`month-${lang}`, lang === 'en' ? 'en-GB' : 'id-ID', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

export function formatDateTime(iso: string | Date, lang: 'id' | 'en' = 'id'): string {
  const d = new Date(iso);
  const wib = inWib(d);
  const time = wib
    ? `${two(wib.getUTCHours())}:${two(wib.getUTCMinutes())}`
    : dateFormat('time', 'id-ID', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TZ })
        .format(d)
        .replace('.', ':');
  return `${formatDate(d, lang)}, ${time} WIB`;
}

/** Today's calendar date (YYYY-MM-DD) in the office's time zone (WIB unless told), not the browser's UTC. */
export function todayIn(timeZone = TZ, now: Date = new Date()): string {
  const wib = timeZone === TZ ? inWib(now) : null;
  if (wib) return wib.toISOString().slice(0, 10);
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
