import type { Language } from './common.ts';
import { issuesEn, issuesId } from './messages-issues.ts';

/**
 * The user-facing text of every error code and field issue, in Bahasa Indonesia and English.
 * `{name}` placeholders are filled from the error's details. The server answers with these; the
 * web shows the server's text as it is.
 */
export type Catalog = Record<string, string>;

const errorsId: Catalog = {
  VALIDATION: 'Data yang dikirim tidak valid.',
  NOT_FOUND: 'Data yang diminta tidak ditemukan.',
  UNAUTHENTICATED: 'Silakan masuk terlebih dahulu.',
  FORBIDDEN: 'Peran Anda tidak berhak melakukan tindakan ini.',
  OUT_OF_SCOPE: 'Data ini berada di luar wilayah atau perangkat daerah Anda.',
  CSRF: 'Token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman lalu coba lagi.',
  INVALID_CREDENTIALS: 'Nama pengguna atau kata sandi salah.',
  ACCOUNT_LOCKED: 'Akun terkunci karena terlalu banyak percobaan gagal. Coba lagi setelah {until}.',
  RATE_LIMITED: 'Terlalu banyak permintaan. Coba lagi dalam {seconds} detik.',
  CONFLICT: 'Data bertentangan dengan data yang sudah ada: {what}.',
  WEAK_PASSWORD: 'Kata sandi tidak memenuhi syarat.',
  DEMO_PASSWORD_REFUSED: 'Kata sandi demo tidak boleh dipakai dalam mode produksi.',
  BAD_REGION_CODE: 'Kode wilayah "{value}" tidak valid. Contoh yang benar: 35.05.01.2001.',
  PAYLOAD_TOO_LARGE: 'Data yang dikirim terlalu besar (batas {limit} bita).',
  MALFORMED_BODY: 'Isi permintaan bukan JSON yang valid: {reason}.',
  UNSUPPORTED_MEDIA_TYPE: 'Jenis isi "{type}" tidak didukung; kirim application/json.',
  JOB_NOT_CANCELLABLE: 'Pekerjaan ini sudah selesai dan tidak dapat dibatalkan.',
  INVALID_STATE: 'Tindakan "{action}" tidak dapat dilakukan pada data berstatus "{state}".',
  INTERNAL: 'Terjadi kesalahan pada server. Kesalahan telah dicatat (kode {requestId}).',
};

const errorsEn: Catalog = {
  VALIDATION: 'The data sent is not valid.',
  NOT_FOUND: 'The requested record was not found.',
  UNAUTHENTICATED: 'Please sign in first.',
  FORBIDDEN: 'Your role may not do this.',
  OUT_OF_SCOPE: 'This record is outside your region or agency.',
  CSRF: 'The security (CSRF) token is missing or does not match. Reload the page and try again.',
  INVALID_CREDENTIALS: 'Wrong username or password.',
  ACCOUNT_LOCKED: 'The account is locked after too many failed attempts. Try again after {until}.',
  RATE_LIMITED: 'Too many requests. Try again in {seconds} seconds.',
  CONFLICT: 'This conflicts with an existing record: {what}.',
  WEAK_PASSWORD: 'The password does not meet the rules.',
  DEMO_PASSWORD_REFUSED: 'The demo password may not be used in production mode.',
  BAD_REGION_CODE: 'Region code "{value}" is not valid. A valid example: 35.05.01.2001.',
  PAYLOAD_TOO_LARGE: 'The request body is too large (limit {limit} bytes).',
  MALFORMED_BODY: 'The request body is not valid JSON: {reason}.',
  UNSUPPORTED_MEDIA_TYPE: 'Content type "{type}" is not supported; send application/json.',
  JOB_NOT_CANCELLABLE: 'This job has already finished and cannot be cancelled.',
  INVALID_STATE: 'The action "{action}" is not possible on a record in state "{state}".',
  INTERNAL: 'Something went wrong on the server. The error was logged (code {requestId}).',
};

const catalogs = { id: { errors: errorsId, issues: issuesId }, en: { errors: errorsEn, issues: issuesEn } };

function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? '—'));
}

export function errorMessage(
  lang: Language,
  code: string,
  details?: Readonly<Record<string, string | number>>,
): string {
  const text = catalogs[lang].errors[code] ?? catalogs[lang].errors.INTERNAL!;
  return fill(text, details);
}

export function issueMessage(
  lang: Language,
  issue: string,
  params?: Readonly<Record<string, string | number>>,
): string {
  return fill(catalogs[lang].issues[issue] ?? catalogs[lang].issues.custom!, params);
}

/** Field names as a user reads them, for messages such as "Kata sandi: terlalu pendek". */
const fieldLabels: Record<Language, Record<string, string>> = {
  id: {
    username: 'Nama pengguna',
    password: 'Kata sandi',
    newPassword: 'Kata sandi baru',
    currentPassword: 'Kata sandi sekarang',
    displayName: 'Nama lengkap',
    role: 'Peran',
    organisationId: 'Perangkat daerah',
    regionCode: 'Wilayah',
    code: 'Kode',
    q: 'Kata kunci',
    fileName: 'Nama berkas',
    nik: 'NIK',
    kk: 'No. KK',
    name: 'Nama',
    birthDate: 'Tanggal lahir',
    personId: 'Penduduk',
    endDate: 'Tanggal selesai',
    startDate: 'Tanggal mulai',
    budget: 'Pagu',
    reason: 'Alasan',
    title: 'Judul',
    vote: 'Pilihan',
    points: 'Poin',
    selected: 'Pilihan hasil',
    indicator: 'Indikator',
  },
  en: {
    username: 'Username',
    password: 'Password',
    newPassword: 'New password',
    currentPassword: 'Current password',
    displayName: 'Full name',
    role: 'Role',
    organisationId: 'Agency',
    regionCode: 'Region',
    code: 'Code',
    q: 'Search text',
    fileName: 'File name',
    nik: 'NIK',
    kk: 'No. KK',
    name: 'Name',
    birthDate: 'Date of birth',
    personId: 'Resident',
    endDate: 'End date',
    startDate: 'Start date',
    budget: 'Budget',
    reason: 'Reason',
    title: 'Title',
    vote: 'Choices',
    points: 'Points',
    selected: 'Selection',
    indicator: 'Indicator',
  },
};

/** Where in an uploaded file: "sheet S, line N, column C" as the server names it. */
const filePlace = /^(?:sheet (.+?), )?line (\d+)(?:, column (.+))?$/;

export function fieldLabel(lang: Language, field: string): string {
  const place = filePlace.exec(field);
  if (place) {
    const [, sheet, line, column] = place;
    const [s, l, c] = lang === 'id' ? ['lembar', 'baris', 'kolom'] : ['sheet', 'line', 'column'];
    return `${sheet ? `${s} ${sheet}, ` : ''}${l} ${line}${column ? `, ${c} ${column}` : ''}`;
  }
  // "body.vote.2" is labelled as "vote": list positions are not names.
  const last = field.split('.').findLast((part) => !/^\d+$/.test(part)) ?? field;
  return fieldLabels[lang][last] ?? field;
}

export function pickLanguage(acceptLanguage: string | undefined, cookie?: string): Language {
  if (cookie === 'en' || cookie === 'id') return cookie;
  if (!acceptLanguage) return 'id';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}
