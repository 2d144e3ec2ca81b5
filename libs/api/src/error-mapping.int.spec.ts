import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type RawBuilder } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { formatError, refusedValueError, toTRPCError } from './error-mapping';

/**
 * The database refusals the error mapping turns into 400s, each made by the real PostgreSQL with a
 * value a client could send (node-postgres's errors, not a hand-made imitation), and one that stays a
 * 500 because it is the server's own mistake.
 */
const SECRET = 'Geheim7Qx';

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
  await sql`create table fuzz_values (short varchar(8), indexed text)`.execute(tdb.db);
  await sql`create index fuzz_values_indexed on fuzz_values (indexed)`.execute(tdb.db);
});
afterAll(async () => {
  await tdb?.drop();
});

async function refusal(query: RawBuilder<unknown>): Promise<unknown> {
  return query.execute(tdb.db).then(
    () => undefined,
    (error: unknown) => error,
  );
}

// Random hex compresses to about half: 64 kB of it is still far over a btree row's limit (2704 bytes).
const incompressible = sql`(select string_agg(md5(random()::text), '') from generate_series(1, 2000))`;

const CASES: [sqlState: string, reason: string, query: () => RawBuilder<unknown>][] = [
  ['22P02', 'valueMalformed', () => sql`select ${SECRET}::uuid`],
  ['22P02', 'valueMalformed', () => sql`select ${`{"name":"${SECRET}\\ud800"}`}::jsonb`],
  ['22007', 'valueMalformed', () => sql`select ${`${SECRET}-01-01`}::date`],
  ['22021', 'valueMalformed', () => sql`select ${`${SECRET}\u0000`}::text`],
  ['22P05', 'valueMalformed', () => sql`select ${`{"name":"${SECRET}\\u0000"}`}::jsonb`],
  ['22001', 'valueTooLong', () => sql`insert into fuzz_values (short) values (${`${SECRET}${SECRET}`})`],
  ['54000', 'valueTooLong', () => sql`insert into fuzz_values (indexed) values (${incompressible})`],
  ['22008', 'valueOutOfRange', () => sql`select ${'2026-02-30'}::date`],
  ['22003', 'valueOutOfRange', () => sql`select ${'2147483648'}::int4`],
];

describe('values PostgreSQL refuses', () => {
  for (const [sqlState, reason, query] of CASES) {
    it(`${sqlState} becomes a 400 with reason ${reason}, quoting nothing`, async () => {
      const error = await refusal(query());
      expect((error as { code?: string }).code).toBe(sqlState);
      const mapped = toTRPCError(error);
      expect(mapped?.code).toBe('BAD_REQUEST');
      const shape = formatError({ shape: { message: mapped!.message, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, path: 'x.y' } }, error: mapped! });
      expect(shape.message).toMatch(/^A (value|date|number)/);
      expect(shape.data).toMatchObject({ domainCode: 'VALIDATION_FAILED', reason: { code: reason, params: {} } });
      expect(JSON.stringify(shape)).not.toContain(SECRET);
      // The database error stays with the refusal for the server's logs.
      expect(refusedValueError(error)?.cause).toBe(error);
    });
  }

  it('a refusal that is the server’s own mistake (division by zero) stays a 500', async () => {
    const error = await refusal(sql`select 1 / ${0}::int`);
    expect((error as { code?: string }).code).toBe('22012');
    expect(toTRPCError(error)).toBeUndefined();
  });
});
