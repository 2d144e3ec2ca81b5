import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { EmbeddedDatabaseError, newClusterPassword, removeIfPresent, startEmbeddedPostgres } from './embedded-postgres';

/** Where `npm start` keeps its embedded PostgreSQL: the checkout's own `.data/postgres`. */
export const EMBEDDED_DATA_DIR = resolve(process.cwd(), '.data/postgres');

export interface LocalDatabase {
  url: string;
  /** 'server' = DATABASE_URL; 'shared' = the embedded server another process of this checkout runs; 'embedded' = started here. */
  kind: 'server' | 'shared' | 'embedded';
  stop(): Promise<void>;
}

/** Kept beside the data directory: the port the server listens on, its password, and which process owns it. */
interface ClusterState {
  port: number;
  password: string;
  ownerPid: number | null;
}

const stateFile = (dataDir: string) => `${dataDir}.json`;
const lockFile = (dataDir: string) => `${dataDir}.lock`;

function readState(dataDir: string): ClusterState | null {
  try {
    return JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as ClusterState;
  } catch {
    return null;
  }
}

function writeState(dataDir: string, state: ClusterState): void {
  writeFileSync(stateFile(dataDir), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

function alive(pid: number | null | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PostgreSQL's own lock: postmaster.pid names the server's pid, its data directory and its port. */
function runningServer(dataDir: string): { pid: number; dataDir: string; port: number } | null {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const [pid, dir, , port] = readFileSync(file, 'utf8').split('\n');
  const server = { pid: Number(pid), dataDir: dir ?? '', port: Number(port) };
  return alive(server.pid) ? server : null;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

async function freePort(preferred: number | undefined): Promise<number> {
  if (preferred && (await portFree(preferred))) return preferred;
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no free port'))));
    });
  });
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/** One process at a time decides who starts the server; a lock left by a dead process is taken over. */
async function withStartLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const path = lockFile(dataDir);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim() || 0);
      if (!alive(holder)) removeIfPresent(path);
      else if (attempt > 600) throw new EmbeddedDatabaseError(`Process ${holder} has been starting the embedded PostgreSQL in ${dataDir} for a minute; stop it or remove ${path}.`);
      else await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    removeIfPresent(path);
  }
}

/**
 * DATABASE_URL when set; otherwise this checkout's embedded PostgreSQL under `.data/postgres`.
 * If a process of this checkout already runs it (`npm start` while `npm run seed` is used), its
 * server is shared; a server left behind by a process that died is stopped and started afresh, so
 * exactly one owner stops it. Nothing else on the machine is ever mistaken for it: the server is
 * found through its own data directory, never by probing a port.
 */
export async function openLocalDatabase(
  databaseUrl: string | undefined,
  options: { dataDir?: string; onLog?: (line: string) => void } = {},
): Promise<LocalDatabase> {
  if (databaseUrl) return { url: databaseUrl, kind: 'server', stop: async () => {} };
  const dataDir = resolve(options.dataDir ?? EMBEDDED_DATA_DIR);
  mkdirSync(dirname(dataDir), { recursive: true });

  return withStartLock(dataDir, async () => {
    const state = readState(dataDir);
    const running = runningServer(dataDir);
    if (running && resolve(running.dataDir) !== dataDir) {
      throw new EmbeddedDatabaseError(
        `${dataDir} is in use by a PostgreSQL (pid ${running.pid}) serving ${running.dataDir}: it was copied from another checkout while running. Stop that server, or set DATABASE_URL.`,
      );
    }
    if (running && state) {
      if (alive(state.ownerPid)) {
        return { url: urlFor(state), kind: 'shared' as const, stop: async () => {} };
      }
      // Its owner died without stopping it: stop it (fast shutdown) and start one we own.
      process.kill(running.pid, 'SIGINT');
      if (!(await waitForExit(running.pid, 30_000))) {
        throw new EmbeddedDatabaseError(`The embedded PostgreSQL left running in ${dataDir} (pid ${running.pid}) did not stop; stop it and start again.`);
      }
    } else if (running) {
      throw new EmbeddedDatabaseError(`A PostgreSQL (pid ${running.pid}) runs on ${dataDir} without its state file ${stateFile(dataDir)}; stop it and start again.`);
    }
    const port = await freePort(state?.port);
    const password = state?.password ?? newClusterPassword();
    if (!state && existsSync(join(dataDir, 'PG_VERSION'))) {
      throw new EmbeddedDatabaseError(`${stateFile(dataDir)} is missing, so the password of the database in ${dataDir} is unknown. Restore the file, or remove ${dataDir} to start with an empty database.`);
    }
    // Recorded before the server starts, so a process that finds the server running finds its port too.
    writeState(dataDir, { port, password, ownerPid: process.pid });
    const server = await startEmbeddedPostgres({ dataDir, port, password, onLog: options.onLog });
    return {
      url: server.url,
      kind: 'embedded' as const,
      async stop() {
        await server.stop();
        // Unless another process has taken the folder over meanwhile, nobody owns the server now.
        if (!runningServer(dataDir)) writeState(dataDir, { port, password, ownerPid: null });
      },
    };
  });
}

const urlFor = (state: ClusterState) => `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/postgres`;
