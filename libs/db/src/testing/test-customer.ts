import { randomUUID } from 'node:crypto';
import type { Db } from '../client';

/** A customer with an (optionally filled) profile, written straight to the database for tests. */
export async function insertTestCustomer(
  db: Db,
  options: { email?: string; displayName?: string; birthYear?: number | null } = {},
): Promise<string> {
  const { id } = await db
    .insertInto('users')
    .values({
      email: options.email ?? `klant-${randomUUID()}@example.nl`,
      password_hash: 'not-a-password-hash',
      role: 'customer',
      display_name: options.displayName ?? 'Eva Jansen',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('customer_profiles').values({ user_id: id, birth_year: options.birthYear ?? null }).execute();
  return id;
}
