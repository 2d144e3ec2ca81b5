import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createAccountsService, resetAdminTwoFactor } from '@dd/accounts';
import { emailSchema, newPasswordSchema } from '@dd/contract';
import { loadToolEnvOrExit } from '@dd/config';
import { createDb, migrateToLatest, openLocalDatabase } from '@dd/db';
import { isDomainError } from '@dd/errors';

// `npm run admin:create -- --email a@b.nl --password '…'` (falls back to ADMIN_EMAIL / ADMIN_PASSWORD);
// `--email a@b.nl --reset-two-factor` removes that admin's authenticator (lost phone and recovery codes).
// Only what this command reads: a production install need not repeat the API's settings to add an admin.
const env = loadToolEnvOrExit('admin:create');
const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' }, 'reset-two-factor': { type: 'boolean' } } });
const reset = values['reset-two-factor'] === true;
const input = z
  .object({ email: emailSchema, password: reset ? z.string().optional() : newPasswordSchema })
  .safeParse({ email: values.email ?? env.ADMIN_EMAIL, password: values.password ?? env.ADMIN_PASSWORD });
if (!input.success) {
  const problems = input.error.issues.map((i) => `${String(i.path[0])}: ${i.message.replace('validation.', '')}`);
  console.error(`Usage: npm run admin:create -- --email you@example.nl --password '<at least 12 characters, letters and more>'\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const database = await openLocalDatabase(env.DATABASE_URL);
const db = createDb(database.url, { max: 1, applicationName: 'admin-create' });
try {
  await migrateToLatest(db);
  if (reset) {
    const { removed } = await resetAdminTwoFactor(db, input.data.email);
    console.log(
      removed
        ? `Two-factor sign-in of ${input.data.email} removed: the next sign-in with the password sets up a new authenticator.`
        : `${input.data.email} had no authenticator set up; the next sign-in sets one up.`,
    );
  } else {
    const { created } = await createAccountsService({ db }).ensureAdmin(input.data.email, input.data.password!);
    console.log(created ? `Admin ${input.data.email} created.` : `Admin ${input.data.email} already exists; nothing changed.`);
    // No session starts with the password alone: the first sign-in sets up the authenticator app.
    if (created) console.log(`Set up two-factor sign-in at ${new URL('/sign-in', env.PUBLIC_ORIGIN).href}: the first sign-in with this password shows the QR code for an authenticator app and the recovery codes, before anything else.`);
  }
} catch (error) {
  console.error(isDomainError(error) ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
  await database.stop();
}
