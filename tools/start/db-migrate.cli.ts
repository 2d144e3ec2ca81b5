import { loadToolEnvOrExit } from '@dd/config';
import { createDb } from '@dd/db';
import { prepareDatabase } from './prepare-database';

// `npm run db:migrate`: migrations and reference data for the database named by DATABASE_URL.
const env = loadToolEnvOrExit('db:migrate');
if (!env.DATABASE_URL) {
  console.error('DATABASE_URL is not set. `npm start` prepares its embedded database itself; set DATABASE_URL to migrate a server.');
  process.exit(1);
}
const db = createDb(env.DATABASE_URL, { max: 1, applicationName: 'migrate' });
try {
  const { applied, rules } = await prepareDatabase(db);
  console.log(`${applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}.` : 'Schema is up to date.'} ${rules} categorisation rules loaded.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
