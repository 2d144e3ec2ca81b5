import { initTRPC, TRPCError } from '@trpc/server';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerTrpcRoute } from './trpc.route';

interface TestContext {
  requestId: string;
  setHeader(name: string, value: string): void;
}
const t = initTRPC.context<TestContext>().create();
const testRouter = t.router({
  hello: t.procedure.input(z.object({ name: z.string() }).optional()).query(({ input, ctx }) => ({ greeting: `hello ${input?.name ?? 'you'}`, requestId: ctx.requestId })),
  echo: t.procedure.input(z.object({ text: z.string() })).mutation(({ input }) => ({ text: input.text })),
  teapot: t.procedure.query(({ ctx }) => {
    ctx.setHeader('retry-after', '7');
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'slow down' });
  }),
  broken: t.procedure.query(() => {
    throw new Error('boom');
  }),
});

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function serve(onError?: (failure: { path: string | undefined; req: FastifyRequest }) => void): Promise<FastifyInstance> {
  app = Fastify();
  await registerTrpcRoute(app, {
    router: testRouter,
    createContext: async ({ req, res }) => ({ requestId: String(req.id), setHeader: (name: string, value: string) => void res.header(name, value) }),
    ...(onError ? { onError: ({ path, req }) => onError({ path, req }) } : {}),
  });
  return app;
}

describe('registerTrpcRoute', () => {
  it('answers a query in one piece, with a Content-Length and the JSON type tRPC gives it', async () => {
    const server = await serve();
    const res = await server.inject({ method: 'GET', url: `/trpc/hello?input=${encodeURIComponent(JSON.stringify({ name: 'Eva' }))}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ result: { data: { greeting: 'hello Eva', requestId: expect.any(String) } } });
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.body)));
    expect(res.headers['transfer-encoding']).toBeUndefined();
    expect(res.headers['vary']).toBe('trpc-accept, accept');
  });

  it('reads a JSON body and answers a batch as tRPC does', async () => {
    const server = await serve();
    const res = await server.inject({
      method: 'POST',
      url: '/trpc/echo,echo?batch=1',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ 0: { text: 'één' }, 1: { text: 'twee' } }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ result: { data: { text: 'één' } } }, { result: { data: { text: 'twee' } } }]);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.body)));
  });

  it('keeps the status of an error and the headers the context set', async () => {
    const server = await serve();
    const res = await server.inject({ method: 'GET', url: '/trpc/teapot' });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.json().error.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429, path: 'teapot' });
    const missing = await server.inject({ method: 'GET', url: '/trpc/nothing.here' });
    expect(missing.statusCode).toBe(404);
    const wrongMethod = await server.inject({ method: 'GET', url: '/trpc/echo' });
    expect(wrongMethod.statusCode).toBe(405);
  });

  it('tells onError about a failure, with the Fastify request', async () => {
    const failures: { path: string | undefined; req: FastifyRequest }[] = [];
    const server = await serve((failure) => failures.push(failure));
    const res = await server.inject({ method: 'GET', url: '/trpc/broken' });
    expect(res.statusCode).toBe(500);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.path).toBe('broken');
    expect(failures[0]!.req.routeOptions.url).toBe('/trpc/:path');
  });

  it('answers HEAD without a body', async () => {
    const server = await serve();
    const res = await server.inject({ method: 'HEAD', url: '/trpc/hello' });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
  });
});
