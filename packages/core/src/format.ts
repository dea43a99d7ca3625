/** Indonesian formats: Rp1.250.000; 23 November 2026; 1.234,5. The language only changes month names. */
const rupiah = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

export function formatRupiah(value: number): string {
  const sign = value < 0 ? '-' : '';
  return `${sign}Rp${rupiah.format(Math.abs(Math.round(value)))}`;
}

export function formatNumber(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat('id-ID', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

const TZ = 'Asia/Jakarta';

export function formatDate(iso: string | Date, lang: 'id' | 'en' = 'id'): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TZ,
  }).format(new Date(iso));
}

export function formatDateTime(iso: string | Date, lang: 'id' | 'en' = 'id'): string {
  const d = new Date(iso);
  const time = new Intl.DateTimeFormat('id-ID', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: TZ,
  })
    .format(d)
    .replace('.', ':');
  return `${formatDate(d, lang)}, ${time} WIB`;
}
