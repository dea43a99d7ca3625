/**
 * The one error type of Sinergi. `code` is stable (clients and tests may rely on it); the HTTP
 * status is decided once at the edge, and the user's message is looked up by code in the user's
 * language. `details` carries safe, structured facts (the field, the limit) for that message.
 */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OUT_OF_SCOPE',
  'CSRF',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'CONFLICT',
  'DUPLICATE',
  'STALE',
  'IN_PROGRESS',
  'WEAK_PASSWORD',
  'DEMO_PASSWORD_REFUSED',
  'BAD_REGION_CODE',
  'PAYLOAD_TOO_LARGE',
  'URI_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'NEEDS_CONFIRMATION',
  'MALFORMED_BODY',
  'UNSUPPORTED_MEDIA_TYPE',
  'JOB_NOT_CANCELLABLE',
  'INVALID_STATE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldIssue {
  /** Dotted path of the field, e.g. "body.password" or "query.limit". */
  readonly field: string;
  /** A stable issue kind, e.g. "too_small", "invalid_type", "unrecognized_keys". */
  readonly issue: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, string | number>>;
  readonly issues: readonly FieldIssue[];

  constructor(
    code: ErrorCode,
    options: { details?: Record<string, string | number>; issues?: FieldIssue[]; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details ?? {};
    this.issues = options.issues ?? [];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
