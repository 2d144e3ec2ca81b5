import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** A source map: never served, even when a build left one in the folder (the production build writes none). */
const isSourceMap = (url: string) => /\.map$/i.test(url.split(/[?#]/, 1)[0] ?? '');

/**
 * Serves the built portal at `/`, with every unknown GET that accepts HTML answered by
 * index.html so client-side routes survive a reload.
 */
export async function registerPortal(app: FastifyInstance, distDir: string): Promise<void> {
  const root = resolve(distDir);
  const built = existsSync(resolve(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root, index: ['index.html'], wildcard: false, allowedPath: (pathName) => !isSourceMap(pathName) });
  }
  app.setNotFoundHandler((req, reply) => {
    if (isSourceMap(req.url)) return reply.code(404).send({ error: 'Not found' });
    const wantsPage = req.method === 'GET' && !req.url.startsWith('/trpc') && (req.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return reply.code(404).send({ error: 'Not found' });
    if (!built) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The portal has not been built yet. Run `npm run build:portal` (npm start does this for you).');
    }
    return reply.sendFile('index.html');
  });
}
