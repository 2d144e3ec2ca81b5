import { CompiledQuery, type PostgresCursor, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * Kysely has no public way from a transaction to the driver's client, and `COPY … FROM STDIN` needs that
 * client (it speaks its own sub-protocol). So the pool hands Kysely a thin wrapper around each client; a
 * query with this text, sent through a transaction, never reaches PostgreSQL: the wrapper of the connection
 * the transaction holds calls the function given as its only parameter with the client.
 */
const LEND_CLIENT = '-- lend the pg client of this connection';

type Lender = (client: pg.PoolClient) => void;

class LendingClient implements PostgresPoolClient {
  constructor(readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: readonly unknown[]): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') return this.client.query(sqlOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    if (sqlOrCursor === LEND_CLIENT) {
      (parameters![0] as Lender)(this.client);
      return Promise.resolve({ command: 'SELECT', rowCount: 0, rows: [] });
    }
    return this.client.query(sqlOrCursor, parameters as unknown[]) as unknown as Promise<PostgresQueryResult<R>>;
  }

  release(): void {
    this.client.release();
  }
}

/** The pool as Kysely sees it: one wrapper per client, so Kysely's per-client connection cache keeps working. */
export function lendingPool(pool: pg.Pool): PostgresPool {
  const wrappers = new WeakMap<pg.PoolClient, LendingClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = new LendingClient(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

/** A query executor of Kysely: the pool itself, or a transaction (which holds one connection until it ends). */
interface Executor {
  readonly isTransaction: boolean;
  executeQuery(query: CompiledQuery): Promise<unknown>;
}

/**
 * The pg client a transaction runs on, for what Kysely cannot express (COPY). Only inside a transaction:
 * outside one, the client would go back to the pool while the caller still used it.
 */
export async function clientOfTransaction(trx: Executor): Promise<pg.PoolClient> {
  if (!trx.isTransaction) throw new Error('A pg client is only lent inside a transaction (db.transaction().execute(...)).');
  let lent: pg.PoolClient | undefined;
  await trx.executeQuery(CompiledQuery.raw(LEND_CLIENT, [(client: pg.PoolClient) => (lent = client)]));
  if (!lent) throw new Error('The database pool was not created by createDb, so its clients cannot be lent.');
  return lent;
}
