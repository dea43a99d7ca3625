import { AppError } from '@sinergi/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fileLimits = new WeakMap<FastifyRequest, number>();

/**
 * The byte limit a file upload met, for its refusal: Fastify applies the parser's limit, but the
 * route's options only know the server's (issue 17: each route's own limit is named).
 */
export const fileLimitOf = (request: FastifyRequest): number | undefined => fileLimits.get(request);

/** Lets a module take these file types as the request body itself (a Buffer), up to `limit` bytes. */
export function acceptFiles(app: FastifyInstance, types: string | string[], limit: number) {
  const list = Array.isArray(types) ? types : [types];
  app.addContentTypeParser(types, { parseAs: 'buffer', bodyLimit: limit }, (_req, body, done) =>
    done(null, body),
  );
  app.addHook('onRequest', async (request) => {
    if (list.includes(uploadedType(request))) fileLimits.set(request, limit);
  });
}

/** The uploaded file, or 415 when the body did not come as one of the file types the parser takes. */
export function uploadedFile(request: FastifyRequest): Buffer {
  if (Buffer.isBuffer(request.body)) return request.body;
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { type: request.headers['content-type'] ?? '' } });
}

/** The media type of the uploaded file, without parameters (e.g. "text/csv"). */
export function uploadedType(request: FastifyRequest): string {
  return String(request.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim();
}
