import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

const types = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  /** Pabulib participatory-budgeting files. */
  pb: 'text/plain; charset=utf-8',
  zip: 'application/zip',
} as const;

/** Sends a generated file as a download. File names carry no personal data (codes and years only). */
export function sendFile(
  reply: FastifyReply,
  file: { kind: keyof typeof types; name: string; data: Buffer | Readable },
) {
  return reply
    .type(types[file.kind])
    .header('content-disposition', `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"`)
    .send(file.data);
}
