import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { copyInto, copyRow } from './copy';
import { copyOutFirstValue } from './copy-out';
import { createTestDatabase, type TestDatabase } from './testing';

const HOSTILE = [
  'tab\there',
  'line\nfeed and\r\ncrlf and lone\rcr',
  'back\\slash \\N \\. \\t literally',
  '"quotes" and \'apostrophes\' ;,|',
  'unicode: café € 😀 \u200b Ωmega',
  '\\',
  '',
  ' leading and trailing ',
];

describe('copyInto', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => {
    await test.drop();
  });

  it('writes hostile text, NULLs, numbers and booleans exactly as parameters would', async () => {
    const rows = await test.db.transaction().execute(async (trx) => {
      await sql`create temp table copy_probe (n bigint, label text, flag boolean, note text) on commit drop`.execute(trx);
      const copied = await copyInto(trx, { table: 'copy_probe', columns: ['n', 'label', 'flag', 'note'] }, [
        HOSTILE.map((label, n) => copyRow([n, label, n % 2 === 0, n === 3 ? null : 'x'])).join(''),
      ]);
      expect(copied).toBe(HOSTILE.length);
      return (await sql<{ n: number; label: string; flag: boolean; note: string | null }>`select n, label, flag, note from copy_probe order by n`.execute(trx)).rows;
    });
    expect(rows.map((r) => r.label)).toEqual(HOSTILE);
    expect(rows.map((r) => r.flag)).toEqual(HOSTILE.map((_, n) => n % 2 === 0));
    expect(rows[3]!.note).toBeNull();
    expect(rows[2]!.note).toBe('x');
  });

  it('drops NUL, which PostgreSQL text cannot hold', async () => {
    const label = await test.db.transaction().execute(async (trx) => {
      await sql`create temp table copy_nul (label text) on commit drop`.execute(trx);
      await copyInto(trx, { table: 'copy_nul', columns: ['label'] }, [copyRow(['a\u0000b'])]);
      return (await sql<{ label: string }>`select label from copy_nul`.execute(trx)).rows[0]!.label;
    });
    expect(label).toBe('ab');
  });

  it('rolls back with its transaction when producing the rows fails, and the connection stays usable', async () => {
    await sql`create table copy_target (n integer not null)`.execute(test.db);
    async function* failing() {
      yield copyRow([1]);
      throw new Error('parser gave up');
    }
    await expect(
      test.db.transaction().execute(async (trx) => {
        await sql`insert into copy_target values (0)`.execute(trx);
        await copyInto(trx, { table: 'copy_target', columns: ['n'] }, failing());
      }),
    ).rejects.toThrow('parser gave up');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_target`.execute(test.db);
    expect(rows[0]!.n).toBe(0);
    // Every connection of the pool still answers (none was left in the middle of a COPY).
    const answers = await Promise.all(Array.from({ length: 6 }, () => test.db.transaction().execute((trx) => sql<{ one: number }>`select 1 as one`.execute(trx))));
    expect(answers.every((a) => a.rows[0]!.one === 1)).toBe(true);
  });

  it('fails on a row the table refuses, and the transaction writes nothing', async () => {
    await sql`create table copy_checked (n integer not null check (n > 0))`.execute(test.db);
    await expect(
      test.db.transaction().execute((trx) => copyInto(trx, { table: 'copy_checked', columns: ['n'] }, [copyRow([1]) + copyRow([-1])])),
    ).rejects.toThrow(/copy_checked_n_check/);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_checked`.execute(test.db);
    expect(rows[0]!.n).toBe(0);
  });

  it('is refused outside a transaction', async () => {
    await expect(copyInto(test.db, { table: 'copy_target', columns: ['n'] }, [copyRow([1])])).rejects.toThrow(/only lent inside a transaction/);
  });

  it('reads a bytea back byte for byte by binary COPY, and nothing without a row', async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 131) % 256));
    const [read, none] = await test.db.transaction().execute(async (trx) => {
      await sql`create temp table copy_out_probe (id int, bytes bytea) on commit drop`.execute(trx);
      await sql`insert into copy_out_probe values (1, ${bytes})`.execute(trx);
      return [
        await copyOutFirstValue(trx, 'select bytes from copy_out_probe where id = 1'),
        await copyOutFirstValue(trx, 'select bytes from copy_out_probe where id = 2'),
      ];
    });
    expect(read?.equals(bytes)).toBe(true);
    expect(none).toBeUndefined();
  });
});
