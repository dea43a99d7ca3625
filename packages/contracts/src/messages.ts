import type { Language } from './common.ts';

/**
 * The user-facing text of every error code and field issue, in Bahasa Indonesia and English.
 * `{name}` placeholders are filled from the error's details. The server answers with these; the
 * web shows the server's text as it is.
 */
type Catalog = Record<string, string>;

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

const issuesId: Catalog = {
  required: 'wajib diisi',
  invalid_type: 'jenis data salah (seharusnya {expected})',
  too_small: 'terlalu pendek atau terlalu kecil (minimal {minimum})',
  too_big: 'terlalu panjang atau terlalu besar (maksimal {maximum})',
  invalid_format: 'format tidak valid',
  invalid_value: 'nilai tidak diizinkan (pilihan: {values})',
  unrecognized_keys: 'kolom tidak dikenal: {keys}',
  region_code: 'bukan kode wilayah Kemendagri (contoh 35.05.01.2001)',
  username_chars: 'hanya huruf, angka, titik, garis bawah dan tanda hubung',
  date_format: 'tanggal harus berformat TTTT-BB-HH',
  too_short: 'terlalu pendek (minimal 2 huruf)',
  too_short_password: 'minimal {minimum} karakter',
  too_long: 'terlalu panjang',
  same_as_username: 'tidak boleh sama dengan nama pengguna',
  too_common: 'terlalu umum dan mudah ditebak',
  scope_required: 'wajib diisi untuk peran ini',
  scope_not_allowed: 'tidak berlaku untuk peran ini',
  not_found: 'tidak ditemukan',
  wrong_level: 'harus kode {level}',
  score_range: 'harus bilangan bulat {min} sampai {max}',
  ratio_range: 'harus angka 0 sampai 1',
  csv_only: 'harus berkas .csv',
  xlsx_only: 'harus berkas .xlsx',
  template_file: 'harus berkas .csv atau .xlsx',
  not_a_desa_here: 'bukan kode desa di kabupaten ini',
  duplicate: 'kode ganda',
  thresholds_not_ascending: 'ambang status harus naik berurutan',
  out_of_range: 'di luar rentang skor',
  lowest_status_has_no_threshold: 'status terendah tidak memakai ambang (isi null)',
  no_rubric: 'indikator ini tidak punya rubrik pengamatan; isi skornya',
  rubric_gap: 'tidak ada pita rubrik untuk nilai ini; isi skornya langsung',
  score_rubric_mismatch: 'skor tidak sesuai rubrik (seharusnya {expected})',
  status_mismatch: 'tidak sesuai nilai IDM (seharusnya {expected})',
  duplicate_row: 'desa ini sudah ada di baris {line}',
  missing_column: 'kolom tidak ada',
  empty_file: 'berkas kosong',
  file_type: 'jenis berkas tidak didukung (gunakan {types})',
  not_xlsx: 'bukan berkas XLSX yang valid',
  not_csv: 'bukan CSV yang valid: {reason}',
  too_many_rows: 'terlalu banyak baris (maksimal {max})',
  not_json: 'bukan JSON yang valid',
  not_a_candidate: 'bukan usulan calon skenario ini (tahap kabupaten atau RKPD, tahun yang sama)',
  duplicate_id: 'id ini sudah ada di baris {line}',
  weights_positive: 'jumlah bobot harus lebih dari 0',
  ahp_size: 'matriks perbandingan harus persegi, 2 sampai 10 kriteria',
  ahp_reciprocal: 'harus positif, diagonal 1, dan a[j][i] = 1/a[i][j]',
  ahp_inconsistent: 'perbandingan tidak konsisten (CR {cr} > {max}); periksa kembali penilaian berpasangan',
  recommendation_order: 'tidak boleh ada rekomendasi setelah langkah yang tidak menyetujui',
  criterion_code: 'kode kriteria: huruf kecil dan garis bawah',
  forum_level: 'harus wilayah {level}',
  not_on_this_step: 'usulan ini tidak berada pada tahap forum ini di wilayahnya',
  not_on_agenda: 'usulan ini tidak ada dalam agenda forum',
  decision_missing: 'forum belum memutuskan usulan ini',
  forum_closed: 'forum sudah ditutup',
  counts_exceed_total: 'tidak boleh melebihi jumlah peserta',
  unknown_criterion: 'kriteria tidak dikenal',
  track_not_yours: 'jalur usulan ini bukan untuk peran Anda',
  past_year: 'tahun rencana tidak boleh sebelum {year}',
  later_year: 'harus tahun setelah {year}',
  merge_into_itself: 'usulan tidak dapat digabung ke dirinya sendiri',
  merge_target_closed: 'usulan tujuan sudah tidak aktif',
  photo_type: 'harus foto {types}',
  too_many_photos: 'paling banyak {max} foto per usulan',
  rupiah: 'harus jumlah rupiah tanpa desimal',
  rt_rw: 'harus nomor 1 sampai 3 angka',
  tracking_code: 'bukan kode lacak (contoh USL-7K2M-Q9XA)',
  duplicate_file: 'desa ini sudah ada di berkas {file}',
  other_year: 'tahunnya berbeda dari berkas lain ({year})',
  missing_sheet: 'lembar kerja tidak ada',
  unknown_dimension: 'kode dimensi tidak dikenal',
  unknown_indicator: 'kode indikator tidak dikenal',
  not_a_number: 'harus angka',
  composite_mismatch: 'tidak sesuai skor indikatornya (dihitung {expected})',
  indicator_rows: 'harus berisi {expected} baris indikator bernomor 1 sampai {expected}',
  no_desa_code: 'kode desa tidak ada di berkas; isi kode desa untuk berkas ini',
  no_year: 'tahun tidak ada di berkas (SUMMARIES.TAHUN)',
  not_rumusan: 'bukan berkas rumusan IDM Kemendesa (tidak ada ROW/ROWS)',
  custom: 'tidak valid',
};

const issuesEn: Catalog = {
  required: 'is required',
  invalid_type: 'has the wrong type (expected {expected})',
  too_small: 'is too short or too small (minimum {minimum})',
  too_big: 'is too long or too large (maximum {maximum})',
  invalid_format: 'has an invalid format',
  invalid_value: 'is not an allowed value (choose from {values})',
  unrecognized_keys: 'unknown field(s): {keys}',
  region_code: 'is not a Kemendagri region code (e.g. 35.05.01.2001)',
  username_chars: 'may contain only letters, digits, dot, underscore and hyphen',
  date_format: 'must be a date as YYYY-MM-DD',
  too_short: 'is too short (at least 2 characters)',
  too_short_password: 'must have at least {minimum} characters',
  too_long: 'is too long',
  same_as_username: 'must not equal the username',
  too_common: 'is too common and easy to guess',
  scope_required: 'is required for this role',
  scope_not_allowed: 'does not apply to this role',
  not_found: 'was not found',
  wrong_level: 'must be a {level} code',
  score_range: 'must be a whole number from {min} to {max}',
  ratio_range: 'must be a number from 0 to 1',
  csv_only: 'must be a .csv file',
  xlsx_only: 'must be a .xlsx file',
  template_file: 'must be a .csv or .xlsx file',
  not_a_desa_here: 'is not the code of a desa in this kabupaten',
  duplicate: 'duplicate code',
  thresholds_not_ascending: 'status thresholds must ascend',
  out_of_range: 'outside the score range',
  lowest_status_has_no_threshold: 'the lowest status takes no threshold (use null)',
  no_rubric: 'this indicator has no observation rubric; enter the score',
  rubric_gap: 'no rubric band covers this value; enter the score directly',
  score_rubric_mismatch: 'the score does not match the rubric (expected {expected})',
  status_mismatch: 'does not match the IDM value (expected {expected})',
  duplicate_row: 'this desa already appears on line {line}',
  missing_column: 'the column is missing',
  empty_file: 'the file is empty',
  file_type: 'file type not supported (use {types})',
  not_xlsx: 'is not a valid XLSX file',
  not_csv: 'is not valid CSV: {reason}',
  too_many_rows: 'too many rows (at most {max})',
  not_json: 'is not valid JSON',
  not_a_candidate: 'is not a candidate of this scenario (kabupaten or RKPD step, same year)',
  duplicate_id: 'this id already appears on line {line}',
  weights_positive: 'the weights must add up to more than 0',
  ahp_size: 'the comparison matrix must be square, 2 to 10 criteria',
  ahp_reciprocal: 'must be positive, 1 on the diagonal, and a[j][i] = 1/a[i][j]',
  ahp_inconsistent: 'the comparisons are inconsistent (CR {cr} > {max}); review the pairwise judgements',
  recommendation_order: 'no recommendation may follow a step that did not approve',
  criterion_code: 'criterion code: lower-case letters and underscores',
  forum_level: 'must be a {level} region',
  not_on_this_step: "this proposal is not at this forum's step in its area",
  not_on_agenda: "this proposal is not on the forum's agenda",
  decision_missing: 'the forum has not decided this proposal',
  forum_closed: 'the forum is closed',
  counts_exceed_total: 'may not exceed the number of participants',
  unknown_criterion: 'unknown criterion',
  track_not_yours: 'this proposal track is not for your role',
  past_year: 'the plan year may not be before {year}',
  later_year: 'must be a year after {year}',
  merge_into_itself: 'a proposal cannot be merged into itself',
  merge_target_closed: 'the target proposal is no longer active',
  photo_type: 'must be a {types} photo',
  too_many_photos: 'at most {max} photos per proposal',
  rupiah: 'must be an amount of rupiah without decimals',
  rt_rw: 'must be a number of 1 to 3 digits',
  tracking_code: 'is not a tracking code (e.g. USL-7K2M-Q9XA)',
  duplicate_file: 'this desa is already in file {file}',
  other_year: 'its year differs from the other files ({year})',
  missing_sheet: 'the worksheet is missing',
  unknown_dimension: 'unknown dimension code',
  unknown_indicator: 'unknown indicator code',
  not_a_number: 'must be a number',
  composite_mismatch: 'does not match its indicator scores (computed {expected})',
  indicator_rows: 'must hold {expected} indicator rows numbered 1 to {expected}',
  no_desa_code: 'the file has no desa code; give the desa code for this file',
  no_year: 'the file has no year (SUMMARIES.TAHUN)',
  not_rumusan: "is not a Kemendesa IDM 'rumusan' file (no ROW/ROWS)",
  custom: 'is not valid',
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
  },
};

export function fieldLabel(lang: Language, field: string): string {
  const last = field.split('.').at(-1) ?? field;
  return fieldLabels[lang][last] ?? field;
}

export function pickLanguage(acceptLanguage: string | undefined, cookie?: string): Language {
  if (cookie === 'en' || cookie === 'id') return cookie;
  if (!acceptLanguage) return 'id';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}
