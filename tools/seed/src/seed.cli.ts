import { loadToolEnvOrExit } from '@dd/config';
import { syncReferenceData } from '@dd/categories';
import { createDb, migrateToLatest, openLocalDatabase } from '@dd/db';
import { USAGE, parseSeedArgs } from './seed.options';
import { SeedConflictError, demoLines, runSeed, summaryLine } from './seed.runner';

// `npm run seed -- --customers N`: a deterministic synthetic population for local work and benchmarks.
const parsed = parseSeedArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`seed: ${parsed.error}\n\n${USAGE}`);
  process.exit(2);
}
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}

const { options } = parsed;
const env = loadToolEnvOrExit('seed');
const database = await openLocalDatabase(env.DATABASE_URL);
const concurrency = 2;
const db = createDb(database.url, { max: concurrency + 1, applicationName: 'seed' });
try {
  // Like `npm start`: a fresh install can be seeded before it was ever started.
  await migrateToLatest(db);
  await syncReferenceData(db);
  console.log(
    `seed: customers=${options.customers} seed=${options.seed} months=${options.months} until=${options.until}${options.reset ? ' reset' : ''} database=${database.kind}`,
  );
  const summary = await runSeed(db, options, { concurrency, log: (line) => console.log(line) });
  console.log(summaryLine(summary));
  for (const line of demoLines(summary.demo)) console.log(line);
} catch (error) {
  console.error(error instanceof SeedConflictError ? `seed: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
  await database.stop();
}
