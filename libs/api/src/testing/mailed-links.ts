import type { Db } from '@dd/db';
import type { createTestClient } from './test-context';

/**
 * The token of the newest verification link mailed to `email`, read from the mail outbox where the
 * message waits for the worker: what the person would click in the mail, without a mail server.
 */
export async function mailedVerificationToken(db: Db, email: string): Promise<string> {
  const row = await db
    .selectFrom('mail_outbox')
    .select('params')
    .where('recipient', '=', email.toLowerCase())
    .where('kind', '=', 'account.verify-email')
    .where('status', '=', 'pending')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return (row.params as { token: string }).token;
}

/** Follows the verification link mailed at sign-up, as the new account holder would. */
export async function verifyMailedAddress(db: Db, client: ReturnType<typeof createTestClient>, email: string): Promise<void> {
  await (await client.call()).auth.verifyEmail({ token: await mailedVerificationToken(db, email) });
}
