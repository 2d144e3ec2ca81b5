import type { Database, Db, DbTransaction, Locale, Role } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export const accountRepository = {
  findByEmail(db: Executor, email: string) {
    return db
      .selectFrom('users')
      .select(['id', 'email', 'password_hash', 'role', 'erasure_requested_at'])
      .where('email', '=', email)
      .executeTakeFirst();
  },

  async insertUser(
    db: Executor,
    row: {
      email: string;
      passwordHash: string;
      role: Role;
      displayName: string;
      locale: Locale;
      organisationId: string | null;
      /** False for a sign-up, whose address is proven by the mailed link; otherwise the column's default (verified). */
      emailVerified?: false;
    },
  ): Promise<string> {
    const { id } = await db
      .insertInto('users')
      .values({
        email: row.email,
        password_hash: row.passwordHash,
        role: row.role,
        display_name: row.displayName,
        locale: row.locale,
        organisation_id: row.organisationId,
        ...(row.emailVerified === false ? { email_verified_at: null } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  },

  async insertOrganisation(
    db: Executor,
    row: {
      name: string;
      contactEmail: string;
      kvkNumber?: string | undefined;
      vatNumber?: string | undefined;
      contactName?: string | undefined;
      industry?: string | undefined;
      address?: { street: string; postcode: string; city: string; country: string } | undefined;
    },
  ): Promise<string> {
    const { id } = await db
      .insertInto('organisations')
      .values({
        name: row.name,
        contact_email: row.contactEmail,
        kvk_number: row.kvkNumber ?? null,
        vat_number: row.vatNumber ?? null,
        contact_name: row.contactName ?? null,
        industry: row.industry ?? null,
        address_street: row.address?.street ?? null,
        address_postcode: row.address?.postcode ?? null,
        address_city: row.address?.city ?? null,
        address_country: row.address?.country ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  },

  insertCustomerProfile(db: Executor, userId: string) {
    return db.insertInto('customer_profiles').values({ user_id: userId }).execute();
  },

  setLocale(db: Executor, userId: string, locale: Locale) {
    return db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
  },
};
