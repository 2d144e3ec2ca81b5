import { sql, type Database, type Db, type DbTransaction, type Insertable } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

const INVOICE_COLUMNS = [
  'id',
  'sale_id',
  'organisation_id',
  'number',
  'issued_on',
  'supplied_on',
  'description',
  'quantity',
  'net_cents',
  'vat_rate_bp',
  'vat_cents',
  'total_cents',
  'seller',
  'buyer',
] as const;

export const invoiceRepository = {
  bySale(db: Executor, saleId: string) {
    return db.selectFrom('invoices').select(['id', 'number']).where('sale_id', '=', saleId).executeTakeFirst();
  },

  forOrganisation(db: Executor, organisationId: string, invoiceId: string) {
    return db.selectFrom('invoices').select(INVOICE_COLUMNS).where('id', '=', invoiceId).where('organisation_id', '=', organisationId).executeTakeFirst();
  },

  listForOrganisation(db: Executor, organisationId: string, limit: number) {
    return db
      .selectFrom('invoices')
      .select(['id', 'number', 'issued_on', 'description', 'net_cents', 'vat_cents', 'total_cents'])
      .where('organisation_id', '=', organisationId)
      .orderBy('year', 'desc')
      .orderBy('sequence', 'desc')
      .limit(limit)
      .execute();
  },

  /**
   * The year's next invoice number. The counter row stays locked until the caller's transaction ends,
   * so concurrent invoices queue here, and a rollback hands the number back: no gaps.
   */
  async nextSequence(trx: DbTransaction<Database>, year: number): Promise<number> {
    const { rows } = await sql<{ last_sequence: number }>`
      insert into invoice_number_counters (year, last_sequence) values (${year}, 1)
      on conflict (year) do update set last_sequence = invoice_number_counters.last_sequence + 1
      returning last_sequence`.execute(trx);
    return rows[0]!.last_sequence;
  },

  async insert(trx: DbTransaction<Database>, row: Insertable<Database['invoices']>): Promise<string> {
    const { id } = await trx
      .insertInto('invoices')
      .values({
        ...row,
        // jsonb goes over the wire as JSON text.
        seller: JSON.stringify(row.seller) as unknown as Record<string, unknown>,
        buyer: JSON.stringify(row.buyer) as unknown as Record<string, unknown>,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  },

  /** A sale recorded under this key, with its invoice if it has one. */
  saleByKey(db: Executor, idempotencyKey: string) {
    return db
      .selectFrom('sales as s')
      .leftJoin('invoices as i', 'i.sale_id', 's.id')
      .select(['s.id', 'i.id as invoice_id'])
      .where('s.idempotency_key', '=', idempotencyKey)
      .executeTakeFirst();
  },

  buyer(db: Executor, organisationId: string) {
    return db
      .selectFrom('organisations')
      .select(['name', 'kvk_number', 'vat_number', 'contact_name', 'contact_email', 'address_street', 'address_postcode', 'address_city', 'address_country'])
      .where('id', '=', organisationId)
      .executeTakeFirst();
  },

  sale(db: Executor, saleId: string) {
    return db.selectFrom('sales').select(['id', 'organisation_id', 'amount_cents', 'member_count', 'created_at']).where('id', '=', saleId).executeTakeFirst();
  },
};

export type InvoiceRow = NonNullable<Awaited<ReturnType<typeof invoiceRepository.forOrganisation>>>;
