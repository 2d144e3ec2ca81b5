import type { Kysely } from 'kysely';

// Frozen: a customer's transaction remembers that the bank booked it as the reversal of an earlier entry
// (CAMT.053 `RvslInd`). The amount keeps its sign (a reversed card payment is a credit); spending nets a
// reversed debit against its category, and the portal labels the row. Rows imported before are not reversals
// as far as we know (only CAMT.053 says so, and it was not stored), so the default is false.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('transactions').addColumn('is_reversal', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('transactions').dropColumn('is_reversal').execute();
}
