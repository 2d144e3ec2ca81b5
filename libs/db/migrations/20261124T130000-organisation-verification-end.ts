import { sql, type Kysely } from 'kysely';

// Frozen: a verification can end. When a verified organisation changes its name, KvK number, VAT
// number or industry it goes back to review, and an admin can withdraw a verification (with a reason,
// kept as the rejection reason). Both are recorded here until the next decision, so the advertiser and
// the admin see why an organisation that was verified is not any more.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .addColumn('verification_ended_at', 'timestamptz')
    .addColumn('verification_end_cause', 'text', (c) => c.check(sql`verification_end_cause in ('detailsChanged', 'withdrawn')`))
    .execute();
  await sql`
    alter table organisations add constraint organisations_verification_end_check
      check ((verification_ended_at is null) = (verification_end_cause is null))
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table organisations drop constraint if exists organisations_verification_end_check`.execute(db);
  await db.schema.alterTable('organisations').dropColumn('verification_end_cause').dropColumn('verification_ended_at').execute();
}
