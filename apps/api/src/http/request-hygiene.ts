import type { FastifyError, FastifyInstance } from 'fastify';
import { fastifyRefusal, PARSE_MESSAGE } from '@dd/api';
import { hasForbiddenCharacters } from '@dd/contract';

/** The answer to a body that is not JSON: fixed, so nothing of what was sent is ever echoed (or logged from the error). */
export const INVALID_JSON_MESSAGE = PARSE_MESSAGE;

const CLIENT_REQUEST_ID_MAX = 128;

/**
 * A client's `x-request-id`, as it may be logged next to the server's own id: the first header
 * only, without control or bidi characters (which could forge or reorder a log line), at most 128
 * characters. Undefined when nothing usable is left.
 */
export function clientRequestIdOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const cleaned = [...value]
    .filter((char) => !hasForbiddenCharacters(char))
    .join('')
    .trim()
    .slice(0, CLIENT_REQUEST_ID_MAX);
  return cleaned === '' ? undefined : cleaned;
}

/** Fastify's own refusals of a body it could not parse (tRPC's are handled by its error formatter). */
const BODY_PARSE_ERRORS: ReadonlySet<string> = new Set(['FST_ERR_CTP_INVALID_JSON_BODY', 'FST_ERR_CTP_EMPTY_JSON_BODY', 'FST_ERR_CTP_INVALID_CONTENT_LENGTH']);

/**
 * Outside tRPC (downloads, health, the portal), a body Fastify cannot parse answers 400 with the
 * fixed message; any other error keeps Fastify's own handling.
 */
export function registerBodyErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof SyntaxError || (error.code && BODY_PARSE_ERRORS.has(error.code))) {
      req.log.info({ code: error.code ?? 'SyntaxError' }, 'request body refused');
      return reply.code(400).send({ error: INVALID_JSON_MESSAGE });
    }
    // A body over the limit or of a type no parser takes: the API's error shape, never the path.
    const refusal = fastifyRefusal(error);
    if (refusal) {
      req.log.info({ code: error.code }, 'request refused');
      return reply.code(refusal.statusCode).send(refusal.body);
    }
    throw error;
  });
}
