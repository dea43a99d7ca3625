import { formatAmount, formatDate, idm2016, indeksDesa2024 } from '@sinergi/core';
import type { Language } from './common.ts';
import { fieldNames } from './messages-fields.ts';
import { issuesEn } from './messages-issues.en.ts';
import { issuesId } from './messages-issues.ts';
import { securityIssuesEn, securityIssuesId } from './messages-security.ts';
import { actionWords, stateWords } from './messages-states.ts';
import { workflowIssuesEn, workflowIssuesId } from './messages-workflow.ts';

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
  INVALID_CREDENTIALS:
    'Nama pengguna atau kata sandi salah, atau akun sedang terkunci sementara setelah terlalu banyak percobaan. Coba lagi nanti atau hubungi admin.',
  ACCOUNT_LOCKED: 'Akun terkunci karena terlalu banyak percobaan gagal. Coba lagi setelah {until}.',
  RATE_LIMITED: 'Terlalu banyak permintaan. Coba lagi dalam {seconds} detik.',
  CONFLICT: 'Data ini bertentangan dengan data yang sudah ada.',
  DUPLICATE:
    'Data yang sama sudah tercatat (misalnya NIK atau kode yang harus unik). Muat ulang halaman untuk melihatnya.',
  STALE: 'Data ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat keadaan terbaru.',
  IN_PROGRESS: 'Kiriman yang sama sedang diproses. Coba lagi sebentar lagi.',
  WEAK_PASSWORD: 'Kata sandi tidak memenuhi syarat.',
  DEMO_PASSWORD_REFUSED: 'Kata sandi demo tidak boleh dipakai dalam mode produksi.',
  BAD_REGION_CODE: 'Kode wilayah "{value}" tidak valid. Contoh yang benar: 35.05.01.2001.',
  PAYLOAD_TOO_LARGE: 'Data yang dikirim terlalu besar (batas {limit}).',
  URI_TOO_LONG: 'Alamat halaman yang diminta terlalu panjang.',
  HEADERS_TOO_LARGE:
    'Permintaan membawa terlalu banyak data kepala (header atau cookie). Hapus cookie situs ini lalu coba lagi.',
  MALFORMED_BODY: 'Isi permintaan tidak dapat dibaca (bukan JSON yang valid).',
  UNSUPPORTED_MEDIA_TYPE: 'Jenis isi "{type}" tidak diterima di sini.',
  NEEDS_CONFIRMATION:
    'Periksa kembali isian berikut. Jika sudah benar, simpan sekali lagi untuk mengonfirmasi.',
  JOB_NOT_CANCELLABLE: 'Pekerjaan ini sudah selesai dan tidak dapat dibatalkan.',
  INVALID_STATE: 'Tidak dapat {action} data yang berstatus {state}.',
  INVALID_STATE_ANY: 'Tindakan ini tidak dapat dilakukan pada data yang berstatus {state}.',
  INVALID_STATE_NOW: 'Tindakan ini tidak dapat dilakukan pada data dalam keadaannya sekarang.',
  INTERNAL: 'Terjadi kesalahan pada server. Kesalahan telah dicatat (kode {requestId}).',
};

const errorsEn: Catalog = {
  VALIDATION: 'The data sent is not valid.',
  NOT_FOUND: 'The requested record was not found.',
  UNAUTHENTICATED: 'Please sign in first.',
  FORBIDDEN: 'Your role may not do this.',
  OUT_OF_SCOPE: 'This record is outside your region or agency.',
  CSRF: 'The security (CSRF) token is missing or does not match. Reload the page and try again.',
  INVALID_CREDENTIALS:
    'Wrong username or password, or the account is locked for a while after too many attempts. Try again later or ask the admin.',
  ACCOUNT_LOCKED: 'The account is locked after too many failed attempts. Try again after {until}.',
  RATE_LIMITED: 'Too many requests. Try again in {seconds} seconds.',
  CONFLICT: 'This conflicts with an existing record.',
  DUPLICATE:
    'The same record is already stored (a NIK or a code that must be unique). Reload the page to see it.',
  STALE: 'Someone else has just changed this record. Reload the page to see it as it is now.',
  IN_PROGRESS: 'The same request is being processed. Try again in a moment.',
  WEAK_PASSWORD: 'The password does not meet the rules.',
  DEMO_PASSWORD_REFUSED: 'The demo password may not be used in production mode.',
  BAD_REGION_CODE: 'Region code "{value}" is not valid. A valid example: 35.05.01.2001.',
  PAYLOAD_TOO_LARGE: 'The data sent is too large (limit {limit}).',
  URI_TOO_LONG: 'The address requested is too long.',
  HEADERS_TOO_LARGE:
    'The request carries too much header data (headers or cookies). Clear this site’s cookies and try again.',
  MALFORMED_BODY: 'The request body cannot be read (it is not valid JSON).',
  UNSUPPORTED_MEDIA_TYPE: 'Content type "{type}" is not accepted here.',
  NEEDS_CONFIRMATION: 'Check the following. If it is right, save once more to confirm.',
  JOB_NOT_CANCELLABLE: 'This job has already finished and cannot be cancelled.',
  INVALID_STATE: 'Cannot {action} a record that is {state}.',
  INVALID_STATE_ANY: 'This is not possible on a record that is {state}.',
  INVALID_STATE_NOW: 'This is not possible on the record as it is now.',
  INTERNAL: 'Something went wrong on the server. The error was logged (code {requestId}).',
};

const catalogs = {
  id: { errors: errorsId, issues: { ...issuesId, ...workflowIssuesId, ...securityIssuesId } },
  en: { errors: errorsEn, issues: { ...issuesEn, ...workflowIssuesEn, ...securityIssuesEn } },
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Fills `{name}`; a number is written the reader's way (1.000.000 in Indonesian, 1,000,000 in
 * English). Numbers below 10.000 stay as they are, since a four-digit limit is mostly a year. A
 * date (YYYY-MM-DD) is written in words, 30 November 2026, never as the code's form.
 */
function fill(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
  lang: Language = 'id',
): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (typeof value === 'number' && Math.abs(value) >= 10_000) return formatAmount(value, lang);
    if (typeof value === 'string' && ISO_DATE.test(value)) return formatDate(`${value}T12:00:00Z`, lang);
    return String(value ?? '—');
  });
}

export function errorMessage(
  lang: Language,
  code: string,
  details?: Readonly<Record<string, string | number>>,
): string {
  if (code === 'INVALID_STATE') return stateMessage(lang, details ?? {});
  const text = catalogs[lang].errors[code] ?? catalogs[lang].errors.INTERNAL!;
  return fill(text, details, lang);
}

/** "Tidak dapat memverifikasi data yang berstatus ditolak": the state and action in words, never codes. */
function stateMessage(lang: Language, details: Readonly<Record<string, string | number>>): string {
  const i = lang === 'id' ? 0 : 1;
  const state = stateWords[String(details.state)]?.[i];
  const action = actionWords[String(details.action)]?.[i];
  const errors = catalogs[lang].errors;
  if (state && action) return fill(errors.INVALID_STATE!, { state, action }, lang);
  if (state) return fill(errors.INVALID_STATE_ANY!, { state }, lang);
  return errors.INVALID_STATE_NOW!;
}

export function issueMessage(
  lang: Language,
  issue: string,
  params?: Readonly<Record<string, string | number>>,
): string {
  return fill(catalogs[lang].issues[issue] ?? catalogs[lang].issues.custom!, params, lang);
}

/** Where in an uploaded file: "sheet S, line N, column C" as the server names it. */
const filePlace = /^(?:sheet (.+?), )?line (\d+)(?:, column (.+))?$/;

/** The names of the village index indicators, for a score sent by code ("scores.IKS13_KURSUS"). */
const indicatorNames = new Map(
  [idm2016, indeksDesa2024].flatMap((scheme) =>
    scheme.dimensions.flatMap((d) => d.indicators.map((i) => [i.code, i.name] as const)),
  ),
);

/**
 * A field as a person reads it: "body.budget.2027" is "Pagu", "body.scores.IKS13_KURSUS" is the
 * indicator's name, "body.vote.2" is "Pilihan". The nearest part with a name wins; list positions and
 * record keys are not names. A place in an uploaded file reads "lembar S, baris N, kolom C".
 */
export function fieldLabel(lang: Language, field: string): string {
  const place = filePlace.exec(field);
  if (place) {
    const [, sheet, line, column] = place;
    const [s, l, c] = lang === 'id' ? ['lembar', 'baris', 'kolom'] : ['sheet', 'line', 'column'];
    return `${sheet ? `${s} ${sheet}, ` : ''}${l} ${line}${column ? `, ${c} ${column}` : ''}`;
  }
  const parts = field.split('.');
  // The item of a list the field is in: "decisions.1.decision" is the second decision.
  const position = parts.findLast((part) => /^\d+$/.test(part));
  const nth =
    position === undefined ? '' : lang === 'id' ? ` ke-${Number(position) + 1}` : ` #${Number(position) + 1}`;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    const indicator = indicatorNames.get(part);
    if (indicator) return indicator;
    const name = fieldNames[part];
    if (name && !(i === 0 && ['body', 'query', 'params'].includes(part)))
      return `${name[lang === 'id' ? 0 : 1]}${nth}`;
  }
  return lang === 'id' ? 'Isian' : 'Field';
}

/** Whether a request field has a label in both languages (the OpenAPI test walks every route with it). */
export function hasFieldLabel(name: string): boolean {
  return name in fieldNames || indicatorNames.has(name);
}

/**
 * The language of a message: the one the person chose in the interface (sent with every request),
 * then the one chosen earlier (the cookie), then the account's, then the browser's; Indonesian if none.
 */
export function pickLanguage(
  acceptLanguage: string | undefined,
  ...chosen: ReadonlyArray<string | string[] | undefined>
): Language {
  for (const choice of chosen) if (choice === 'en' || choice === 'id') return choice;
  if (!acceptLanguage) return 'id';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

/** One field issue as a sentence: "Pagu: wajib diisi". */
export function describeIssue(
  lang: Language,
  issue: { field: string; issue: string; params?: Readonly<Record<string, string | number>> },
): string {
  return `${fieldLabel(lang, issue.field)}: ${issueMessage(lang, issue.issue, issue.params)}`;
}

/**
 * Field issues as a problem answer lists them: each with its sentence, and each field's problem
 * once (zod may report a missing score once per rule it breaks). Used by the server's answers and
 * by the browser's check before sending, so both say the same.
 */
export function describeIssues(
  lang: Language,
  issues: readonly { field: string; issue: string; params?: Readonly<Record<string, string | number>> }[],
): { field: string; issue: string; message: string }[] {
  const seen = new Set<string>();
  return issues
    .filter((i) => !seen.has(`${i.field} ${i.issue}`) && Boolean(seen.add(`${i.field} ${i.issue}`)))
    .map((i) => ({ field: i.field, issue: i.issue, message: describeIssue(lang, i) }));
}
