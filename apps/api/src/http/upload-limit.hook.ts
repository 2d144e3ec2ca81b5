import type { FastifyInstance, FastifyReply } from 'fastify';
import { STATEMENT_MAX_BYTES } from '@dd/contract';
import { fileIssues } from '@dd/data-import';

/** Room for the multipart envelope around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

const TRPC_ROUTE = '/trpc/:path';
/** Procedures that take a bank statement: the customer's own and the platform's (admin). */
const UPLOAD_PROCEDURES: ReadonlySet<string> = new Set(['imports.upload', 'admin.billing.uploadStatement']);

function isMultipart(contentType: string | undefined): boolean {
  return contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'multipart/form-data';
}

function refuse(reply: FastifyReply, procedure: string, length: number, message: string, reason?: { code: string; params: object }) {
  const tooLarge = Number.isFinite(length);
  return reply.code(tooLarge ? 413 : 411).send({
    error: {
      message: tooLarge ? message : 'The upload did not say how large it is. Upload the file from the portal.',
      code: -32600,
      data: {
        code: 'BAD_REQUEST',
        httpStatus: tooLarge ? 413 : 411,
        path: procedure,
        domainCode: 'VALIDATION_FAILED',
        // The same reason the service gives a statement over the limit, so the portal says it in the reader's language.
        ...(tooLarge && reason ? { reason } : {}),
      },
    },
  });
}

/**
 * Multipart bodies reach tRPC as a raw stream, which Fastify's body limit does not cover: refuse an
 * oversized one from its Content-Length before a byte of it is read, in the same error shape the
 * portal already understands. Statement uploads get the statement limit; a multipart body sent to
 * any other procedure gets the ordinary body limit, since tRPC would otherwise read it whole.
 */
export function registerUploadLimit(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'POST' || req.routeOptions.url !== TRPC_ROUTE) return;
    // The router's decoded view of the path, exactly what tRPC resolves: `imports%2Eupload` is the upload too.
    const procedure = (req.params as { path?: string }).path ?? '';
    const isUpload = UPLOAD_PROCEDURES.has(procedure);
    if (!isUpload && !isMultipart(req.headers['content-type'])) return;
    const limit = isUpload ? STATEMENT_MAX_BYTES + ENVELOPE_BYTES : (req.routeOptions.bodyLimit ?? 1_048_576);
    const length = Number(req.headers['content-length'] ?? Number.NaN);
    if (Number.isFinite(length) && length <= limit) return;
    if (!isUpload) return refuse(reply, procedure, length, 'This request is larger than the portal ever sends. Reload the page and try again.');
    const { code, params, message } = fileIssues.tooLarge();
    return refuse(reply, procedure, length, message, { code, params });
  });
}
