import { errorMessage, fieldLabel, issueMessage, type Language } from '@sinergi/contracts';
import { AppError, type ErrorCode } from '@sinergi/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { toFieldIssue, type ZodLikeIssue } from '../validation.ts';

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
  JOB_NOT_CANCELLABLE: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export function languageOf(request: FastifyRequest): Language {
  return request.lang ?? 'id';
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const lang = languageOf(request);
  const status = statusOf[error.code];
  const details = error.code === 'INTERNAL' ? { requestId: request.id } : error.details;
  const issues = error.issues.map((i) => ({
    field: i.field,
    issue: i.issue,
    message: `${fieldLabel(lang, i.field)}: ${issueMessage(lang, i.issue, i.params)}`,
  }));
  const detail =
    issues.length > 0
      ? `${errorMessage(lang, error.code, details)} ${issues.map((i) => i.message).join('; ')}`
      : errorMessage(lang, error.code, details);
  if (error.code === 'RATE_LIMITED' && details.seconds) reply.header('retry-after', String(details.seconds));
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `https://sinergi.dev/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
      title: error.code,
      status,
      code: error.code,
      detail,
      ...(issues.length > 0 ? { issues } : {}),
    });
}

/** Maps anything thrown in a request to an AppError; unknown errors become INTERNAL (and are logged). */
export function toAppError(error: unknown, bodyLimit: number): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? 'body';
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
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_BODY', { details: { reason: fe.message.slice(0, 120) } });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', { details: { limit: bodyLimit } });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { type: fe.message.slice(0, 60) } });
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return new AppError('RATE_LIMITED', { details: { seconds: 60 } });
  }
  if (fe instanceof SyntaxError && fe.statusCode === 400) {
    return new AppError('MALFORMED_BODY', { details: { reason: fe.message.slice(0, 120) } });
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 404) return new AppError('NOT_FOUND');
    if (fe.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', { details: { limit: bodyLimit } });
    if (fe.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { type: '?' } });
    if (fe.statusCode === 429) return new AppError('RATE_LIMITED', { details: { seconds: 60 } });
    return new AppError('MALFORMED_BODY', { details: { reason: fe.message.slice(0, 120) } });
  }
  return new AppError('INTERNAL', { cause: error });
}
