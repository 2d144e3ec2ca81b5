import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createAccountsService } from '@dd/accounts';
import { emailSchema, newPasswordSchema } from '@dd/contract';
import { loadToolEnvOrExit } from '@dd/config';
import { createDb, migrateToLatest, openLocalDatabase } from '@dd/db';
import { isDomainError } from '@dd/errors';

// `npm run admin:create -- --email a@b.nl --password '…'` (falls back to ADMIN_EMAIL / ADMIN_PASSWORD).
// Only what this command reads: a production install need not repeat the API's settings to add an admin.
const env = loadToolEnvOrExit('admin:create');
const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' } } });
const input = z
  .object({ email: emailSchema, password: newPasswordSchema })
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
  const { created } = await createAccountsService({ db }).ensureAdmin(input.data.email, input.data.password);
  console.log(created ? `Admin ${input.data.email} created.` : `Admin ${input.data.email} already exists; nothing changed.`);
} catch (error) {
  console.error(isDomainError(error) ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
  await database.stop();
}
