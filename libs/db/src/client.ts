import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { pgTypes } from './pg-types';

export type Db = Kysely<Database>;

export interface DbOptions {
  /** Pool size; the embedded database serves one transaction at a time, so keep it small there. */
  max?: number;
  applicationName?: string;
}

export function createPool(url: string, options: DbOptions = {}): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types: pgTypes,
    application_name: options.applicationName ?? 'datadividend',
  });
}

/** The one way to get a Kysely instance: every query goes through these type parsers. */
export function createDb(url: string, options: DbOptions = {}): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPool(url, options) }) });
}
