import { createConnection } from 'node:net';
import { resolve } from 'node:path';
import { startEmbeddedPostgres } from './embedded';

/** Where the embedded database listens when `npm start` runs it. */
export const EMBEDDED_PORT = 54329;
export const EMBEDDED_DATA_DIR = resolve(process.cwd(), '.data/postgres');

function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => {
      socket.end();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

export interface LocalDatabase {
  url: string;
  /** 'server' = DATABASE_URL; 'shared' = an embedded database another process (npm start) serves; 'embedded' = started here. */
  kind: 'server' | 'shared' | 'embedded';
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded database under .data/: reuse the one `npm start`
 * is serving, or start it here (PGlite locks its folder, so two processes must not both open it).
 */
export async function openLocalDatabase(databaseUrl: string | undefined): Promise<LocalDatabase> {
  if (databaseUrl) return { url: databaseUrl, kind: 'server', stop: async () => {} };
  const url = `postgres://postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  if (await portOpen(EMBEDDED_PORT)) return { url, kind: 'shared', stop: async () => {} };
  const embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port: EMBEDDED_PORT });
  return { url: embedded.url, kind: 'embedded', stop: () => embedded.stop() };
}
