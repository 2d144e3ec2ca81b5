import { sql, type Kysely } from 'kysely';

// Frozen: a "where my data went" receipt carries the advertiser's purpose statement in its own words,
// copied at the sale like the advertiser's name, so the member reads what the buyer promised even if
// the purchase row changes later. Receipts written before this migration get it from their purchase.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('data_use_receipts').addColumn('purpose_statement', 'text').execute();
  await sql`
    update data_use_receipts r
       set purpose_statement = p.purpose_statement
      from purchase_requests p
     where r.reference = 'purchase:' || p.id::text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('data_use_receipts').dropColumn('purpose_statement').execute();
}
