import type { FastifyInstance } from 'fastify';
import { STATEMENT_MAX_BYTES } from '@dd/contract';

/** Room for the multipart envelope around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Statement uploads reach tRPC as a raw multipart stream, which Fastify's body limit does not
 * cover: refuse an oversized upload from its Content-Length before a byte of it is read, in the
 * same error shape the portal already understands.
 */
export function registerUploadLimit(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'POST' || !req.url.startsWith('/trpc/imports.upload')) return;
    const length = Number(req.headers['content-length'] ?? Number.NaN);
    if (Number.isFinite(length) && length <= STATEMENT_MAX_BYTES + ENVELOPE_BYTES) return;
    const tooLarge = Number.isFinite(length);
    return reply.code(tooLarge ? 413 : 411).send({
      error: {
        message: tooLarge
          ? `The file is larger than ${STATEMENT_MAX_BYTES / 1024 / 1024} MB. Export a shorter period and upload it in parts.`
          : 'The upload did not say how large it is. Upload the file from the portal.',
        code: -32600,
        data: { code: 'BAD_REQUEST', httpStatus: tooLarge ? 413 : 411, path: 'imports.upload', domainCode: 'VALIDATION_FAILED' },
      },
    });
  });
}
