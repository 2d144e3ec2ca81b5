import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { CATEGORIES } from './category.catalogue';
import { loadCategoriser, syncReferenceData } from './reference-data.sync';

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.drop();
});

// The import worker categorises with the rules as stored, so what the unit tests prove about the
// code's rule set must also hold after the rows went through PostgreSQL.
describe('reference data in the database', () => {
  it('stores every catalogue code with its kind, the childcare category included', async () => {
    const rows = await tdb.db.selectFrom('categories').select(['code', 'kind']).execute();
    const stored = new Map(rows.map((row) => [row.code, row.kind]));
    for (const category of CATEGORIES) expect(stored.get(category.code), category.code).toBe(category.kind);
    expect(stored.get('childcare')).toBe('protected_life_event');
  });

  it('categorises by content with the stored rules, as the code does', async () => {
    await syncReferenceData(tdb.db);
    const categoriser = await loadCategoriser(tdb.db);
    const line = (counterpartyName: string, description: string, amountCents = -4_500) => categoriser.categorise({ counterpartyName, description, amountCents }).category;
    expect(line('Partou B.V.', 'Kinderopvang januari')).toBe('childcare');
    expect(line('Belastingdienst/Toeslagen', 'Kinderopvangtoeslag maart', 45_000)).toBe('benefits');
    expect(line('Kruidvat', 'Bestelling ovulatietest')).toBe('pregnancy_baby');
    expect(line('Kruidvat', 'Bestelling medicijnen')).toBe('health');
    expect(line('Kruidvat', 'Bestelling shampoo')).toBe('drugstore');
    expect(line('Albert Heijn', 'Bestelling Nutrilon')).toBe('pregnancy_baby');
    expect(line('Intertoys', 'Bestelling Lego')).toBe('kids');
  });

  it('builds the categoriser again only when the stored rules change, and still refuses a broken one', async () => {
    await syncReferenceData(tdb.db);
    const first = await loadCategoriser(tdb.db);
    expect(await loadCategoriser(tdb.db)).toBe(first);

    // An admin's edit applies to the next import: a changed pattern gives a new categoriser that uses it.
    const { id } = await tdb.db
      .selectFrom('categorisation_rules')
      .select('id')
      .where('field', 'in', ['counterparty', 'description', 'text'])
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await tdb.db.updateTable('categorisation_rules').set({ pattern: 'zzqqxx' }).where('id', '=', id).execute();
    const edited = await loadCategoriser(tdb.db);
    expect(edited).not.toBe(first);
    const rule = await tdb.db.selectFrom('categorisation_rules').select(['category', 'direction']).where('id', '=', id).executeTakeFirstOrThrow();
    const amountCents = rule.direction === 'credit' ? 4_500 : -4_500;
    expect(edited.categorise({ counterpartyName: 'Zzqqxx', description: 'Zzqqxx', amountCents }).category).toBe(rule.category);
    expect(first.categorise({ counterpartyName: 'Zzqqxx', description: 'Zzqqxx', amountCents }).category).not.toBe(rule.category);

    // A pattern that cannot be used stops the import loudly, memo or not.
    await sql`update categorisation_rules set pattern = '(' where id = ${id}`.execute(tdb.db);
    await expect(loadCategoriser(tdb.db)).rejects.toThrow();
    await syncReferenceData(tdb.db);
  });
});
