import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from './client';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { migrateToLatest } from './migrate';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from './testing/test-database';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A version-neutral description (the embedded engine is PostgreSQL 17, which also lists NOT NULL
 * in pg_constraint; nullability is compared through the columns instead).
 * Covers tables, columns, constraints, indexes and triggers.
 */
async function describeSchema(db: Db) {
  const columns = await sql<{ d: string }>`
    select table_name || '.' || column_name || ':' || data_type || ':' || is_nullable || ':' || coalesce(column_default, '') as d
    from information_schema.columns where table_schema = 'public' and table_name not like 'kysely_%' order by 1`.execute(db);
  const constraints = await sql<{ d: string }>`
    select conrelid::regclass::text || ':' || conname || ':' || pg_get_constraintdef(oid) as d
    from pg_constraint where connamespace = 'public'::regnamespace and contype <> 'n' and conrelid::regclass::text not like 'kysely_%' order by 1`.execute(db);
  const indexes = await sql<{ d: string }>`
    select indexname || ':' || indexdef as d from pg_indexes where schemaname = 'public' and tablename not like 'kysely_%' order by 1`.execute(db);
  const triggers = await sql<{ d: string }>`
    select event_object_table || ':' || trigger_name || ':' || event_manipulation as d
    from information_schema.triggers where trigger_schema = 'public' order by 1`.execute(db);
  return {
    columns: columns.rows.map((r) => r.d),
    constraints: constraints.rows.map((r) => r.d),
    indexes: indexes.rows.map((r) => r.d),
    triggers: triggers.rows.map((r) => r.d),
  };
}

describe('the same migrations on the embedded database and on PostgreSQL', () => {
  let embedded: EmbeddedPostgres;
  let embeddedDb: Db;
  let server: TestDatabase;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres({ port: await freePort() });
    embeddedDb = createDb(embedded.url, { max: 1 });
    server = await createTestDatabase();
  });

  afterAll(async () => {
    await embeddedDb?.destroy();
    await embedded?.stop();
    await server?.drop();
  });

  it('migrates the embedded database and yields the identical schema', async () => {
    const applied = await migrateToLatest(embeddedDb);
    expect(applied.length).toBeGreaterThan(0);
    const [fromEmbedded, fromServer] = await Promise.all([describeSchema(embeddedDb), describeSchema(server.db)]);
    expect(fromEmbedded.columns.length).toBeGreaterThan(30);
    expect(fromEmbedded).toEqual(fromServer);
  });

  it('enforces the same rules on both: unique email and the append-only audit log', async () => {
    for (const db of [embeddedDb, server.db]) {
      const user = { email: 'dubbel@example.nl', password_hash: 'x', role: 'customer' as const, display_name: 'D' };
      await db.insertInto('users').values(user).execute();
      await expect(db.insertInto('users').values(user).execute()).rejects.toThrow(/users_email_key/);
      await db.insertInto('audit_log').values({ actor_user_id: null, actor_role: 'system', action: 'test', subject_type: 'x', subject_id: null }).execute();
      await expect(db.updateTable('audit_log').set({ action: 'changed' }).execute()).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    }
  });

  it('keeps the ledger balanced and append-only on both (deferred check at commit)', async () => {
    for (const db of [embeddedDb, server.db]) {
      const accounts = await db.selectFrom('ledger_accounts').select(['id', 'kind']).where('owner_id', 'is', null).execute();
      const id = (kind: string) => accounts.find((a) => a.kind === kind)!.id;
      const post = (key: string, amounts: [string, number][]) =>
        db.transaction().execute(async (trx) => {
          const { rows } = await sql<{ id: number }>`insert into ledger_transactions (idempotency_key, kind, content_hash)
            values (${key}, 'test.embedded', ${'0'.repeat(64)}) returning id`.execute(trx);
          for (const [kind, amount] of amounts) {
            await sql`insert into ledger_postings (transaction_id, account_id, amount_cents) values (${rows[0]!.id}, ${id(kind)}, ${amount})`.execute(trx);
          }
        });
      await post('balanced', [['platform_bank', 125], ['platform_fee', -125]]);
      await expect(post('unbalanced', [['platform_bank', 125], ['platform_fee', -124]])).rejects.toThrow(/does not balance/);
      await expect(db.deleteFrom('ledger_postings').execute()).rejects.toThrow(/append-only/);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ledger_transactions`.execute(db);
      expect(rows[0]!.n).toBe(1);
    }
  });

  it('reads int8 money as numbers and dates as plain dates on both', async () => {
    for (const db of [embeddedDb, server.db]) {
      const { id } = await db.selectFrom('users').select('id').where('email', '=', 'dubbel@example.nl').executeTakeFirstOrThrow();
      await db
        .insertInto('transactions')
        .values({ customer_id: id, booked_on: '2026-03-01', amount_cents: -123456789012, counterparty_name: 'Albert Heijn', description: 'boodschappen', dedupe_key: 'k1' })
        .execute();
      const row = await db.selectFrom('transactions').select(['amount_cents', 'booked_on', 'id']).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ amount_cents: -123456789012, booked_on: '2026-03-01' });
      expect(typeof row.id).toBe('number');
    }
  });
});
