import { AppError } from '@sinergi/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Lets a module take these file types as the request body itself (a Buffer), up to `limit` bytes. */
export function acceptFiles(app: FastifyInstance, types: string | string[], limit: number) {
  app.addContentTypeParser(types, { parseAs: 'buffer', bodyLimit: limit }, (_req, body, done) =>
    done(null, body),
  );
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
