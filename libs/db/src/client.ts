import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { lendingPool } from './connection-lending';
import { pgTypes } from './pg-types';

export type Db = Kysely<Database>;

export interface DbOptions {
  /** Pool size; the embedded database serves one transaction at a time, so keep it small there. */
  max?: number;
  applicationName?: string;
  /** Told about errors on idle connections (already discarded by the pool), e.g. to log them. */
  onIdleError?: (error: Error) => void;
}

export function createPool(url: string, options: DbOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types: pgTypes,
    application_name: options.applicationName ?? 'datadividend',
  });
  // An idle connection the server closes (restart, failover, a dropped test database) must not
  // crash the process: the pool discards it and the next query opens a fresh one.
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}

/** The one way to get a Kysely instance: every query goes through these type parsers. */
export function createDb(url: string, options: DbOptions = {}): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: lendingPool(createPool(url, options)) }) });
}
