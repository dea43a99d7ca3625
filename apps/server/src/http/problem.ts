import {
  describeIssues,
  errorMessage,
  type Language,
  toFieldIssue,
  type ZodLikeIssue,
} from '@sinergi/contracts';
import { AppError, type ErrorCode, formatFileSize, formatNumber } from '@sinergi/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isUniqueViolation } from '../db/errors.ts';
import { fileLimitOf } from './upload.ts';

/** The one table that turns a stable error code into an HTTP status. */
const statusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  MALFORMED_BODY: 400,
  BAD_REGION_CODE: 400,
  WEAK_PASSWORD: 400,
  DEMO_PASSWORD_REFUSED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  STALE: 409,
  IN_PROGRESS: 409,
  JOB_NOT_CANCELLABLE: 409,
  INVALID_STATE: 409,
  NEEDS_CONFIRMATION: 422,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export function languageOf(request: FastifyRequest): Language {
  return request.lang ?? 'id';
}

/** The problem+json body of an error code (RFC 9457), with the message and any field issues. */
export function problemBody(
  code: ErrorCode,
  detail: string,
  issues: readonly { field: string; issue: string; message: string }[] = [],
) {
  const status = statusOf[code];
  return {
    type: `https://sinergi.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: code,
    status,
    code,
    detail,
    ...(issues.length > 0 ? { issues } : {}),
  };
}

/** The first hundred issues of a file with many bad rows, and how many more there are. */
const MAX_ISSUES = 100;
function shownIssues(issues: AppError['issues']): AppError['issues'] {
  if (issues.length <= MAX_ISSUES) return issues;
  const more = issues.length - MAX_ISSUES;
  return [
    ...issues.slice(0, MAX_ISSUES),
    { field: 'file', issue: 'more_issues', params: { count: formatNumber(more) } },
  ];
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const lang = languageOf(request);
  const status = statusOf[error.code];
  const details = error.code === 'INTERNAL' ? { requestId: request.id } : error.details;
  const issues = describeIssues(lang, shownIssues(error.issues));
  const detail =
    issues.length > 0
      ? `${errorMessage(lang, error.code, details)} ${issues.map((i) => i.message).join('; ')}`
      : errorMessage(lang, error.code, details);
  if (error.code === 'RATE_LIMITED' && details.seconds) reply.header('retry-after', String(details.seconds));
  // A record changed meanwhile: the version it has now, for a client to compare and resend against.
  const current =
    error.code === 'STALE' && typeof details.current === 'string' ? { current: details.current } : {};
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...problemBody(error.code, detail, issues), ...current });
}

/** The media type a client sent, without parameters and cut short, for the 415 message. */
function sentType(request: FastifyRequest): string {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .slice(0, 60);
  return type.replace(/[^\w.+/-]/g, '') || '?';
}

/**
 * Maps anything thrown in a request to an AppError; unknown errors become INTERNAL (and are logged).
 * A body too large names the route's own limit (a photo takes 5 MB, a form 1 MB).
 */
export function toAppError(error: unknown, request: FastifyRequest, defaultLimit: number): AppError {
  if (error instanceof AppError) return error;
  // A route's own limit, else the one of the file type it takes, else the server's.
  const routeLimit = request.routeOptions?.bodyLimit;
  const bodyLimit =
    routeLimit && routeLimit !== defaultLimit
      ? routeLimit
      : (fileLimitOf(request) ?? routeLimit ?? defaultLimit);
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', { details: { limit: formatFileSize(bodyLimit) } });
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? 'body';
    // A malformed id in the address names no record: that is "not found", not a form error.
    // (A code a person types, such as a tracking code, still gets its own message.)
    const uuids = error.validation.every((v) => (v.params as { format?: string }).format === 'uuid');
    if (context === 'params' && uuids) return new AppError('NOT_FOUND');
    const part = context === 'querystring' ? 'query' : context;
    const issues = error.validation.map((v) =>
      toFieldIssue(part, {
        ...(v.params as object),
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? '',
      } as ZodLikeIssue),
    );
    return new AppError('VALIDATION', { issues });
  }
  // A unique key the database refused (two requests registering one NIK at once): 409, not 500.
  if (isUniqueViolation(error)) return new AppError('DUPLICATE');
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_BODY', { details: { reason: fe.message.slice(0, 120) } });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return tooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { type: sentType(request) } });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('MALFORMED_BODY', { details: { reason: 'Content-Length' } });
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return new AppError('RATE_LIMITED', { details: { seconds: 60 } });
  }
  if (fe instanceof SyntaxError && fe.statusCode === 400) {
    return new AppError('MALFORMED_BODY', { details: { reason: fe.message.slice(0, 120) } });
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 404) return new AppError('NOT_FOUND');
    if (fe.statusCode === 413) return tooLarge();
    if (fe.statusCode === 414) return new AppError('URI_TOO_LONG');
    if (fe.statusCode === 415)
      return new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { type: sentType(request) } });
    if (fe.statusCode === 429) return new AppError('RATE_LIMITED', { details: { seconds: 60 } });
    return new AppError('MALFORMED_BODY', { details: { reason: fe.message.slice(0, 120) } });
  }
  return new AppError('INTERNAL', { cause: error });
}
