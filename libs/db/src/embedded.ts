import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A postgres:// URL any `pg` client (API, worker, tools) can use. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A zero-install PostgreSQL for `npm start` without DATABASE_URL: PGlite (PostgreSQL compiled to
 * WebAssembly) persisted under `dataDir`, served over the wire protocol so the API and worker
 * processes connect exactly as they would to a real server. It runs one transaction at a time.
 * `dataDir` undefined keeps everything in memory (used by the dialect-parity test).
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port: number; host?: string }): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
  const host = options.host ?? '127.0.0.1';
  const server = new PGLiteSocketServer({ db, port: options.port, host, maxConnections: 32 });
  await server.start();
  return {
    url: `postgres://postgres@${host}:${options.port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
