import type { IncomingMessage } from 'node:http';
import type { AnyTRPCRouter, inferRouterContext } from '@trpc/server';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { resolveResponse, type HTTPErrorHandler } from '@trpc/server/http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface TrpcRouteOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  createContext(opts: CreateFastifyContextOptions): Promise<inferRouterContext<TRouter>>;
  onError?: HTTPErrorHandler<TRouter, FastifyRequest>;
}

/**
 * A tRPC answer as Fastify sends any small body: in one write, with a Content-Length. Handed the
 * fetch `Response` itself, Fastify streams it with chunked encoding (a stream reader and two
 * writes for one short JSON string). Streams (JSON lines, server-sent events) and bodiless answers
 * are still handed over as they are.
 */
async function send(reply: FastifyReply, response: Response): Promise<FastifyReply> {
  const { headers } = response;
  if (response.body === null || headers.get('content-type') !== 'application/json' || headers.has('transfer-encoding')) {
    return reply.send(response);
  }
  void reply.code(response.status);
  for (const [name, value] of headers) void reply.header(name, value);
  // A Buffer, which Fastify sends as it is: a string would get `; charset=utf-8` added to the JSON type.
  return reply.send(Buffer.from(await response.arrayBuffer()));
}

/**
 * tRPC at `/trpc/:path`, the way @trpc/server's Fastify plugin serves it: the same body parsers,
 * the same fetch `Request` (tRPC's `incomingMessageToRequest`) and tRPC's own `resolveResponse`,
 * which is there for adapters like this one. Left out are the plugin's costs on every call: it
 * copies all its options into new objects four times, and streams the `Response` (see `send`).
 */
export async function registerTrpcRoute<TRouter extends AnyTRPCRouter>(app: FastifyInstance, options: TrpcRouteOptions<TRouter>): Promise<void> {
  const { router, createContext, onError } = options;
  await app.register(
    async (scope) => {
      // tRPC reads the body itself: JSON as the text it parses, multipart as the request stream.
      scope.removeContentTypeParser('application/json');
      scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
      scope.removeContentTypeParser('multipart/form-data');
      scope.addContentTypeParser('multipart/form-data', (_req, payload, done) => done(null, payload));

      scope.all<{ Params: { path: string } }>('/:path', async (req, reply) => {
        // As in tRPC's adapter: what Fastify parsed goes on the Node request, where tRPC looks for it.
        const raw: IncomingMessage & { body?: unknown } = req.raw;
        raw.body = req.body;
        const response = await resolveResponse({
          router,
          req: incomingMessageToRequest(raw, reply.raw, { maxBodySize: null }),
          path: req.params.path,
          error: null,
          createContext: ({ info }) => createContext({ req, res: reply, info }),
          ...(onError ? { onError: (failure) => onError({ ...failure, req }) } : {}),
        });
        return send(reply, response);
      });
    },
    { prefix: '/trpc' },
  );
}
