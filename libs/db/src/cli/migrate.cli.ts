import { loadBaseEnv } from '@dd/config';
import { createDb } from '../client';
import { migrateToLatest } from '../migrate';

// `npm run db:migrate`: migrates the database named by DATABASE_URL.
const env = loadBaseEnv();
if (!env.DATABASE_URL) {
  console.error('DATABASE_URL is not set. `npm start` migrates its embedded database itself; set DATABASE_URL to migrate a server.');
  process.exit(1);
}
const db = createDb(env.DATABASE_URL, { max: 1, applicationName: 'migrate' });
try {
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
