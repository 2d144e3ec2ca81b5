import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** A source map: never served, even when a build left one in the folder (the production build writes none). */
const isSourceMap = (url: string) => /\.map$/i.test(url.split(/[?#]/, 1)[0] ?? '');

/** Vite names everything under assets/ by a hash of its content: a changed file gets a new name. */
const HASHED_ASSETS = `assets${sep}`;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets, so a browser asks again (a 304 while it is unchanged). */
const REVALIDATE = 'no-cache';

/**
 * Serves the built portal at `/`, with every unknown GET that accepts HTML answered by
 * index.html so client-side routes survive a reload. The build wrote a `.br` and a `.gz` beside
 * each text file; a browser gets the one it accepts (brotli first), compressed once at build.
 */
export async function registerPortal(app: FastifyInstance, distDir: string): Promise<void> {
  const root = resolve(distDir);
  const built = existsSync(resolve(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      index: ['index.html'],
      wildcard: false,
      preCompressed: true,
      // Set per file below: send's default (max-age=0) would keep hashed assets from being cached.
      cacheControl: false,
      setHeaders(res, path) {
        res.setHeader('cache-control', relative(root, path).startsWith(HASHED_ASSETS) ? IMMUTABLE : REVALIDATE);
        // The same URL answers differently by Accept-Encoding; a shared cache must keep them apart.
        res.setHeader('vary', 'accept-encoding');
      },
      allowedPath: (pathName) => !isSourceMap(pathName),
    });
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
