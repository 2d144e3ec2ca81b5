import { PROTECTED_LIFE_EVENT_CATEGORIES, PROVINCES, SPECIAL_CATEGORIES, type ProvinceCode } from '@dd/categories';
import { CONSENT_POLICY, CONSENT_POLICY_HASH } from '@dd/consent';
import { sql, type Kysely, type Database } from '@dd/db';
import type { SeedConsent } from './consent.generator';
import type { SeedStatementFile } from './ing-csv.writer';
import { SEED_EMAIL_DOMAIN, UNUSABLE_PASSWORD_HASH, customerId, customerIndexFromEmail, uploadIdOf } from './ids';
import { plainArrayLiteral, quotedArrayLiteral } from './pg-array';
import type { SeedCustomer } from './population.generator';
import type { SeedTransaction } from './transactions.generator';

/** Customers with their bookings, written together in one database transaction. */
export interface SeedBatch {
  customers: readonly SeedCustomer[];
  /** transactions[i] belongs to customers[i]. */
  transactions: readonly (readonly SeedTransaction[])[];
  /** consent[i] belongs to customers[i]; absent for customers who manage their own (the demo login). */
  consent?: readonly SeedConsent[];
  /**
   * statements[i] is the ING CSV file customers[i]'s bookings come from: each customer gets an
   * imported `uploads` row for it (name, size, SHA-256, row counts) and every booking points at it.
   */
  statements?: readonly (SeedStatementFile | null)[];
  /** When the statements were uploaded: just after the seeded window. */
  uploadedAt?: string;
}

export interface WriteCounts {
  users: number;
  profiles: number;
  transactions: number;
  consentDecisions: number;
  industryExclusions: number;
}

/** `consent_decisions.source` of seeded decisions; the portal writes 'portal'. */
export const SEED_CONSENT_SOURCE = 'seed';

/** Rows per INSERT: big enough to amortise a round trip, small enough to keep parameters modest. */
export const ROWS_PER_STATEMENT = 8_000;

const affected = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0n);

/** Inserts the accounts that are missing; returns the ids it inserted. */
async function insertUsers(db: Kysely<Database>, customers: readonly SeedCustomer[], consent: readonly SeedConsent[] | undefined): Promise<Set<string>> {
  // Accounts are as old as their sign-up (spread over the 18 months before the window's end), so the
  // payout rules that look at an account's age see a population that has been around for a while.
  const createdAt = customers.map((_, i) => consent?.[i]?.signedUpAt ?? null);
  const result = await sql<{ id: string }>`
    insert into users (id, email, password_hash, role, display_name, locale, created_at)
    select t.id, t.email, ${UNUSABLE_PASSWORD_HASH}, 'customer', t.display_name, t.locale, coalesce(t.created_at, now())
    from unnest(${customers.map((c) => c.id)}::uuid[], ${customers.map((c) => c.email)}::text[],
                ${customers.map((c) => c.displayName)}::text[], ${customers.map((c) => c.locale)}::text[], ${createdAt}::timestamptz[])
         as t(id, email, display_name, locale, created_at)
    on conflict do nothing
    returning id`.execute(db);
  return new Set(result.rows.map((r) => r.id));
}

/**
 * The population knows provinces by their CBS name; a profile stores the ISO 3166-2:NL code, as the
 * postcode lookup writes it and segment criteria match it (a name would never be in any segment).
 */
const PROVINCE_CODE_BY_NAME = new Map(Object.entries(PROVINCES).map(([code, label]) => [label.nl, code as ProvinceCode]));

export function provinceCode(name: string): ProvinceCode {
  const code = PROVINCE_CODE_BY_NAME.get(name);
  if (!code) throw new Error(`Unknown province "${name}": dutch-regions.data.ts and @dd/categories disagree.`);
  return code;
}

async function insertProfiles(db: Kysely<Database>, customers: readonly SeedCustomer[]): Promise<number> {
  // A ragged text[][] cannot be unnested row by row, so interests travel as one comma-joined string each.
  const result = await sql`
    insert into customer_profiles (user_id, birth_year, province, municipality, household_size, interests)
    select t.user_id, t.birth_year, t.province, t.municipality, t.household_size, string_to_array(t.interests, ',')
    from unnest(${customers.map((c) => c.id)}::uuid[], ${customers.map((c) => c.birthYear)}::int[],
                ${customers.map((c) => provinceCode(c.province))}::text[], ${customers.map((c) => c.municipality)}::text[],
                ${customers.map((c) => c.householdSize)}::int[], ${customers.map((c) => c.interests.join(','))}::text[])
         as t(user_id, birth_year, province, municipality, household_size, interests)
    on conflict (user_id) do nothing`.execute(db);
  return affected(result);
}

/**
 * The uploads the bookings came from, as an import leaves them: status imported, format, row counts,
 * the file's name, size and hash; the file itself is gone, as after every import.
 */
async function insertUploads(db: Kysely<Database>, batch: SeedBatch): Promise<void> {
  const rows = batch.customers.flatMap((c, i) => {
    const file = batch.statements?.[i];
    return file && file.rows > 0 ? [{ c, file }] : [];
  });
  if (rows.length === 0) return;
  const at = batch.uploadedAt ?? new Date().toISOString();
  await sql`
    insert into uploads (id, customer_id, file_name, byte_size, sha256, status, format, progress, rows_total, rows_imported, rows_duplicate, created_at, finished_at)
    select t.id, t.customer_id, t.file_name, t.byte_size, t.sha256, 'imported', 'ing-csv', 100, t.rows, t.rows, 0, ${at}::timestamptz, ${at}::timestamptz + interval '40 seconds'
    from unnest(${rows.map((r) => uploadIdOf(r.c.id))}::uuid[], ${rows.map((r) => r.c.id)}::uuid[], ${rows.map((r) => r.file.fileName)}::text[],
                ${rows.map((r) => r.file.bytes.length)}::int[], ${rows.map((r) => r.file.sha256)}::text[], ${rows.map((r) => r.file.rows)}::int[])
         as t(id, customer_id, file_name, byte_size, sha256, rows)
    on conflict (id) do nothing`.execute(db);
}

/** Column arrays for one INSERT; customer ids go once per customer and rows point at them by position. */
class TransactionColumns {
  owner: number[] = [];
  bookedOn: string[] = [];
  amount: number[] = [];
  name: string[] = [];
  iban: (string | null)[] = [];
  description: string[] = [];
  code: string[] = [];
  category: string[] = [];
  dedupeKey: string[] = [];
  upload: (string | null)[] = [];

  get size(): number {
    return this.owner.length;
  }

  push(owner: number, t: SeedTransaction, upload: string | null): void {
    this.owner.push(owner);
    this.upload.push(upload);
    this.bookedOn.push(t.bookedOn);
    this.amount.push(t.amountCents);
    this.name.push(t.counterpartyName);
    this.iban.push(t.counterpartyIban);
    this.description.push(t.description);
    this.code.push(t.bankCode);
    this.category.push(t.category);
    this.dedupeKey.push(t.dedupeKey);
  }
}

/**
 * What the writer adapts to: once the customer-data migration has given transactions the
 * `special` / `protected_life_event` flags, seeded rows must carry them exactly as an import would,
 * or health and pregnancy bookings would sit in the database marked as sellable.
 */
export interface WriterSchema {
  specialFlags: boolean;
}

export async function detectWriterSchema(db: Kysely<Database>): Promise<WriterSchema> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.columns
    where table_schema = current_schema() and table_name = 'transactions' and column_name in ('special', 'protected_life_event')`.execute(db);
  return { specialFlags: result.rows[0]?.n === 2 };
}

// The flags follow the catalogue's kinds, exactly as an import sets them, rather than the seed's own
// list: a protected category added to the catalogue (childcare) is then flagged without a change here.
const ART9_CATEGORIES: readonly string[] = SPECIAL_CATEGORIES;
const LIFE_EVENT_CATEGORIES: readonly string[] = PROTECTED_LIFE_EVENT_CATEGORIES;

/**
 * `fresh`: every owner was inserted in this database transaction, so none can have bookings yet and
 * the plain INSERT skips ON CONFLICT's speculative insertion (an extra index probe and WAL record per row).
 */
async function insertTransactions(db: Kysely<Database>, schema: WriterSchema, ownerIds: readonly string[], cols: TransactionColumns, fresh: boolean): Promise<number> {
  const onConflict = fresh ? sql`` : sql`on conflict (customer_id, dedupe_key) do nothing`;
  const flagColumns = schema.specialFlags ? sql`, special, protected_life_event` : sql``;
  const flagValues = schema.specialFlags ? sql`, t.category = any(${ART9_CATEGORIES}::text[]), t.category = any(${LIFE_EVENT_CATEGORIES}::text[])` : sql``;
  const result = await sql`
    insert into transactions (customer_id, booked_on, amount_cents, counterparty_name, counterparty_iban, description, bank_code, category, dedupe_key, upload_id${flagColumns})
    select (${ownerIds}::uuid[])[t.owner], t.booked_on, t.amount, t.name, t.iban, t.description, t.code, t.category, t.dedupe_key, t.upload_id${flagValues}
    from unnest(${plainArrayLiteral(cols.owner)}::int[], ${plainArrayLiteral(cols.bookedOn)}::date[], ${plainArrayLiteral(cols.amount)}::int8[],
                ${quotedArrayLiteral(cols.name)}::text[], ${plainArrayLiteral(cols.iban)}::text[], ${quotedArrayLiteral(cols.description)}::text[],
                ${plainArrayLiteral(cols.code)}::text[], ${plainArrayLiteral(cols.category)}::text[], ${plainArrayLiteral(cols.dedupeKey)}::text[],
                ${plainArrayLiteral(cols.upload)}::uuid[])
         as t(owner, booked_on, amount, name, iban, description, code, category, dedupe_key, upload_id)
    ${onConflict}`.execute(db);
  return affected(result);
}

/**
 * The batch's customers whose consent is not written yet: all that this transaction created, and
 * earlier ones without any decision or exclusion (consent history is append-only, so a re-run must
 * not write it twice).
 */
async function customersWithoutConsent(db: Kysely<Database>, ownerIds: readonly string[], created: ReadonlySet<string>): Promise<Set<string>> {
  const missing = new Set(ownerIds);
  const existing = ownerIds.filter((id) => !created.has(id));
  if (existing.length === 0) return missing;
  const { rows } = await sql<{ customer_id: string }>`
    select customer_id from consent_decisions where customer_id = any(${existing}::uuid[])
    union select customer_id from industry_exclusions where customer_id = any(${existing}::uuid[])`.execute(db);
  for (const row of rows) missing.delete(row.customer_id);
  return missing;
}

/**
 * Consent decisions and industry exclusions with the consent centre's columns (policy version and
 * text hash of CONSENT_POLICY, source 'seed'); the triggers derive the current consent from them.
 */
async function insertConsent(db: Kysely<Database>, ownerIds: readonly string[], consent: readonly SeedConsent[], created: ReadonlySet<string>) {
  const missing = await customersWithoutConsent(db, ownerIds, created);
  const decisions = { owner: [] as number[], change: [] as string[], category: [] as string[], purpose: [] as string[], granted: [] as string[], expires: [] as (string | null)[], at: [] as string[] };
  const exclusions = { owner: [] as number[], change: [] as string[], industry: [] as string[], excluded: [] as string[], at: [] as string[] };
  const counts = { consentDecisions: 0, industryExclusions: 0 };
  const flushDecisions = async () => {
    if (decisions.owner.length === 0) return;
    const result = await sql`
      insert into consent_decisions (customer_id, change_id, category, purpose, granted, expires_at, policy_version, policy_text_hash, source, recorded_at)
      select (${ownerIds}::uuid[])[t.owner], t.change_id, t.category, t.purpose, t.granted, t.expires_at,
             ${CONSENT_POLICY.version}, ${CONSENT_POLICY_HASH}, ${SEED_CONSENT_SOURCE}, t.recorded_at
      from unnest(${plainArrayLiteral(decisions.owner)}::int[], ${plainArrayLiteral(decisions.change)}::uuid[], ${plainArrayLiteral(decisions.category)}::text[],
                  ${plainArrayLiteral(decisions.purpose)}::text[], ${plainArrayLiteral(decisions.granted)}::boolean[],
                  ${plainArrayLiteral(decisions.expires)}::timestamptz[], ${plainArrayLiteral(decisions.at)}::timestamptz[])
           as t(owner, change_id, category, purpose, granted, expires_at, recorded_at)`.execute(db);
    counts.consentDecisions += affected(result);
    for (const column of Object.values(decisions)) column.length = 0;
  };
  const flushExclusions = async () => {
    if (exclusions.owner.length === 0) return;
    const result = await sql`
      insert into industry_exclusions (customer_id, change_id, industry, excluded, policy_version, recorded_at)
      select (${ownerIds}::uuid[])[t.owner], t.change_id, t.industry, t.excluded, ${CONSENT_POLICY.version}, t.recorded_at
      from unnest(${plainArrayLiteral(exclusions.owner)}::int[], ${plainArrayLiteral(exclusions.change)}::uuid[], ${plainArrayLiteral(exclusions.industry)}::text[],
                  ${plainArrayLiteral(exclusions.excluded)}::boolean[], ${plainArrayLiteral(exclusions.at)}::timestamptz[])
           as t(owner, change_id, industry, excluded, recorded_at)`.execute(db);
    counts.industryExclusions += affected(result);
    for (const column of Object.values(exclusions)) column.length = 0;
  };
  for (let i = 0; i < ownerIds.length; i++) {
    if (!missing.has(ownerIds[i] as string)) continue;
    for (const d of consent[i]?.decisions ?? []) {
      decisions.owner.push(i + 1);
      decisions.change.push(d.changeId);
      decisions.category.push(d.category);
      decisions.purpose.push(d.purpose);
      decisions.granted.push(d.granted ? 't' : 'f');
      decisions.expires.push(d.expiresAt);
      decisions.at.push(d.recordedAt);
    }
    for (const x of consent[i]?.exclusions ?? []) {
      exclusions.owner.push(i + 1);
      exclusions.change.push(x.changeId);
      exclusions.industry.push(x.industry);
      exclusions.excluded.push(x.excluded ? 't' : 'f');
      exclusions.at.push(x.recordedAt);
    }
    if (decisions.owner.length >= ROWS_PER_STATEMENT) await flushDecisions();
    if (exclusions.owner.length >= ROWS_PER_STATEMENT) await flushExclusions();
  }
  await flushDecisions();
  await flushExclusions();
  return counts;
}

/**
 * Profiles, bookings and (when the batch carries it) consent of customers whose accounts exist.
 * `created` holds the accounts this same database transaction inserted: their bookings and consent
 * cannot exist yet, everyone else's may (a re-run).
 */
export async function writeCustomerData(
  db: Kysely<Database>,
  schema: WriterSchema,
  batch: SeedBatch,
  created: ReadonlySet<string> = new Set(),
): Promise<Omit<WriteCounts, 'users'>> {
  const profiles = await insertProfiles(db, batch.customers);
  await insertUploads(db, batch);
  const ownerIds = batch.customers.map((c) => c.id);
  const uploadIds = batch.customers.map((c, i) => (batch.statements?.[i] ? uploadIdOf(c.id) : null));
  let transactions = 0;
  for (const fresh of [true, false]) {
    let cols = new TransactionColumns();
    for (let i = 0; i < batch.customers.length; i++) {
      if (created.has(ownerIds[i] as string) !== fresh) continue;
      for (const t of batch.transactions[i] ?? []) {
        cols.push(i + 1, t, uploadIds[i] ?? null);
        if (cols.size >= ROWS_PER_STATEMENT) {
          transactions += await insertTransactions(db, schema, ownerIds, cols, fresh);
          cols = new TransactionColumns();
        }
      }
    }
    if (cols.size > 0) transactions += await insertTransactions(db, schema, ownerIds, cols, fresh);
  }
  const consent = batch.consent ? await insertConsent(db, ownerIds, batch.consent, created) : { consentDecisions: 0, industryExclusions: 0 };
  return { profiles, transactions, ...consent };
}

/**
 * One batch, one database transaction: a crash leaves whole customers or none. Commits need not
 * wait for the disk here (synchronous_commit off): a lost tail is simply written again on a re-run.
 */
export async function writeBatch(db: Kysely<Database>, schema: WriterSchema, batch: SeedBatch): Promise<WriteCounts> {
  return db.transaction().execute(async (trx) => {
    await sql`set local synchronous_commit = off`.execute(trx);
    const created = await insertUsers(trx, batch.customers, batch.consent);
    return { users: created.size, ...(await writeCustomerData(trx, schema, batch, created)) };
  });
}

const seededEmailPattern = `%@${SEED_EMAIL_DOMAIN}`;

/**
 * Refuses to mix populations: seeded customers from another --seed have other ids under the same
 * emails, so their profiles and bookings would silently stay. Returns the other seed's sample email.
 */
export async function findForeignSeededCustomer(db: Kysely<Database>, seed: number): Promise<string | null> {
  const rows = await db.selectFrom('users').select(['id', 'email']).where('email', 'like', seededEmailPattern).limit(1).execute();
  const row = rows[0];
  if (!row) return null;
  const index = customerIndexFromEmail(row.email);
  return index !== null && customerId(seed, index) === row.id ? null : row.email;
}

/**
 * Deletes seeded customers in slices (profiles, bookings and other customer data go with them by
 * cascade). Removing a synthetic customer is an erasure, so each slice says so the way erasure
 * does, which lets append-only consent history cascade too.
 */
export async function deleteSeededCustomers(db: Kysely<Database>, slice = 500): Promise<number> {
  let deleted = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      await sql`select set_config('dd.erasure', 'on', true)`.execute(trx);
      return affected(await sql`delete from users where id in (select id from users where email like ${seededEmailPattern} limit ${slice})`.execute(trx));
    });
    deleted += n;
    if (n < slice) return deleted;
  }
}
