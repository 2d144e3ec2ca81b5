import type { Kysely } from 'kysely';

// Frozen: an organisation's postal address, printed as the buyer's address on its invoices. Nullable: the
// organisations that signed up before had no way to give one; their invoices show the details they have.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .addColumn('address_street', 'text')
    .addColumn('address_postcode', 'text')
    .addColumn('address_city', 'text')
    .addColumn('address_country', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .dropColumn('address_street')
    .dropColumn('address_postcode')
    .dropColumn('address_city')
    .dropColumn('address_country')
    .execute();
}
