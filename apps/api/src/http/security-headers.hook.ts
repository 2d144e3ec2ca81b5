import { IncomingMessage, ServerResponse, type OutgoingHttpHeaders } from 'node:http';
import { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The headers helmet sets for this configuration. They depend on nothing in a request, so helmet
 * runs once, at start-up, on a response that is never sent, and every reply gets its result:
 * @fastify/helmet built a new helmet inside every request (parsing the whole policy again), and
 * even a prebuilt one costs a dozen `setHeader` calls per response.
 */
export function securityHeaders(options: { strictTransportSecurity: boolean }): OutgoingHttpHeaders {
  const setHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    // The portal is served over plain HTTP on localhost in development.
    strictTransportSecurity: options.strictTransportSecurity ? undefined : false,
  });
  const probe = new ServerResponse(new IncomingMessage(new Socket()));
  setHeaders(probe.req, probe, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error(String(err));
  });
  return probe.getHeaders();
}

/** Helmet's headers on every response, set first so that a request refused by a later hook carries them too. */
export function registerSecurityHeaders(app: FastifyInstance, options: { strictTransportSecurity: boolean }): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', (_req, reply, done) => {
    void reply.headers(headers);
    done();
  });
}
