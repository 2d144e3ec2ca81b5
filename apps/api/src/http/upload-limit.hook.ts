import type { FastifyInstance, FastifyReply } from 'fastify';
import { STATEMENT_MAX_BYTES } from '@dd/contract';
import { fileIssues } from '@dd/data-import';

/** Room for the multipart envelope around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

const TRPC_ROUTE = '/trpc/:path';
/** Procedures that take a bank statement: the customer's own and the platform's (admin). */
const UPLOAD_PROCEDURES: ReadonlySet<string> = new Set(['imports.upload', 'admin.billing.uploadStatement']);

/** Bodies tRPC hands to a procedure as a stream, unread: multipart form data and raw files. */
const RAW_BODY_TYPES: ReadonlySet<string> = new Set(['multipart/form-data', 'application/octet-stream']);

function isRawBody(contentType: string | undefined): boolean {
  return RAW_BODY_TYPES.has(contentType?.split(';', 1)[0]?.trim().toLowerCase() ?? '');
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
 * Multipart and raw (octet-stream) bodies reach tRPC as a stream, which Fastify's body limit does not
 * cover: refuse an oversized one from its Content-Length before a byte of it is read, in the same
 * error shape the portal already understands. Statement uploads get the statement limit (the service
 * counts again while it streams the file); such a body sent to any other procedure gets the ordinary
 * body limit. Also lets raw bodies through to tRPC at all: the portal sends a statement as the file
 * itself, which tRPC hands to the procedure as a stream (Fastify would refuse the type with 415).
 */
export function registerUploadLimit(app: FastifyInstance): void {
  // Registered on the root, before the tRPC plugin, so its routes inherit it; the stream is read by the procedure.
  app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'POST' || req.routeOptions.url !== TRPC_ROUTE) return;
    // The router's decoded view of the path, exactly what tRPC resolves: `imports%2Eupload` is the upload too.
    const procedure = (req.params as { path?: string }).path ?? '';
    const isUpload = UPLOAD_PROCEDURES.has(procedure);
    if (!isUpload && !isRawBody(req.headers['content-type'])) return;
    const limit = isUpload ? STATEMENT_MAX_BYTES + ENVELOPE_BYTES : (req.routeOptions.bodyLimit ?? 1_048_576);
    const length = Number(req.headers['content-length'] ?? Number.NaN);
    if (Number.isFinite(length) && length <= limit) return;
    if (!isUpload) return refuse(reply, procedure, length, 'This request is larger than the portal ever sends. Reload the page and try again.');
    const { code, params, message } = fileIssues.tooLarge();
    return refuse(reply, procedure, length, message, { code, params });
  });
}
