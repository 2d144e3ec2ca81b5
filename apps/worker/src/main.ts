import { createLogger, EnvError, loadWorkerEnv } from '@dd/config';
import { createDb, openLocalDatabase } from '@dd/db';
import { checkRedis, RedisSetupError } from '@dd/queue';
import { createWorkerApp, type WorkerApp } from './worker.app';

// The worker process: `npm start` normally runs the database first and passes DATABASE_URL.
async function main(): Promise<void> {
  let env;
  try {
    env = loadWorkerEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const logger = createLogger({ level: env.LOG_LEVEL, name: 'worker', pretty: env.NODE_ENV === 'development' && process.stdout.isTTY });

  // Checked before anything else, so a missing Redis is one clear line instead of a reconnect loop.
  try {
    await checkRedis(env.REDIS_URL);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }

  const database = await openLocalDatabase(env.DATABASE_URL);
  const db = createDb(database.url, { max: 10, applicationName: 'worker', onIdleError: (err) => logger.warn({ err }, 'idle database connection closed') });
  const releaseDatabase = async () => {
    await db.destroy();
    await database.stop();
  };

  let app: WorkerApp | undefined;
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, timeoutMs: env.WORKER_SHUTDOWN_TIMEOUT_MS }, 'shutting down');
    // Backstop in case closing the database hangs too; the job bound itself is enforced by close().
    setTimeout(() => process.exit(1), env.WORKER_SHUTDOWN_TIMEOUT_MS + 5_000).unref();
    const { interrupted } = app ? await app.close(env.WORKER_SHUTDOWN_TIMEOUT_MS) : { interrupted: false };
    // Interrupted handlers may still hold database connections; exiting releases them.
    if (interrupted) await database.stop();
    else await releaseDatabase();
    logger.info({ interrupted }, 'worker stopped');
    process.exit(0);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    shutdown(signal).catch((error: unknown) => {
      logger.fatal({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };
  // Registered before start-up, so a signal that arrives while the worker starts still exits cleanly.
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // Under `npm start` the supervisor holds an IPC channel to us; it closes when the supervisor dies.
  process.on('disconnect', () => onSignal('SIGTERM'));

  try {
    const timings = { lockDuration: env.WORKER_LOCK_DURATION_MS, stalledInterval: env.WORKER_STALLED_INTERVAL_MS, maxStalledCount: env.WORKER_MAX_STALLED_COUNT };
    app = await createWorkerApp({ env, db, logger, timings });
  } catch (error) {
    if (error instanceof RedisSetupError) console.error(error.message);
    else logger.fatal({ err: error }, 'worker failed to start');
    await releaseDatabase();
    process.exit(1);
  }
  logger.info({ queues: app.queueNames, concurrency: env.WORKER_CONCURRENCY, database: database.kind }, 'worker ready');
}

await main();
