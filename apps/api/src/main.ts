import { createAccountsService } from '@dd/accounts';
import { audienceSnapshotDir, createLogger, EnvError, loadApiEnv } from '@dd/config';
import { createDb, openLocalDatabase } from '@dd/db';
import { checkRedis, createQueues, createRedisConnection, RedisSetupError } from '@dd/queue';
import { buildServer } from './server';
import { developmentTotpKey } from './two-factor-key';

// The API process: `npm start` runs it with DATABASE_URL set (embedded or real PostgreSQL).
async function main(): Promise<void> {
  const env = loadApiEnv();
  const logger = createLogger({ level: env.LOG_LEVEL, name: 'api', pretty: env.NODE_ENV === 'development' && process.stdout.isTTY });

  await checkRedis(env.REDIS_URL);
  const database = await openLocalDatabase(env.DATABASE_URL);
  const db = createDb(database.url, { max: 10, applicationName: 'api', onIdleError: (err) => logger.warn({ err }, 'idle database connection closed') });
  const redis = createRedisConnection(env.REDIS_URL, 'producer');

  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    const { created } = await createAccountsService({ db }).ensureAdmin(env.ADMIN_EMAIL.toLowerCase(), env.ADMIN_PASSWORD);
    if (created) logger.info({ email: env.ADMIN_EMAIL }, 'admin account created from ADMIN_EMAIL');
  }

  const queues = createQueues(redis, env.QUEUE_PREFIX, { onError: (error) => logger.warn({ err: error }, 'queue error') });
  // Production must configure the key (the env schema refuses to start without it); elsewhere one is kept in .data.
  const twoFactorKey = env.TOTP_ENCRYPTION_KEY ?? (await developmentTotpKey());
  const snapshotDir = audienceSnapshotDir(env);
  const app = await buildServer({ env, db, queues, logger, pingRedis: () => redis.ping(), warmAudience: true, twoFactorKey, ...(snapshotDir ? { audienceSnapshotDir: snapshotDir } : {}) });
  await app.listen({ port: env.PORT, host: env.HOST });
  logger.info(`api listening at http://${env.HOST}:${env.PORT}`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'api shutting down');
    await app.close();
    await queues.close();
    redis.disconnect();
    await db.destroy();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // Under `npm start` the supervisor holds an IPC channel to us; it closes when the supervisor dies.
  process.on('disconnect', () => void shutdown('supervisor gone'));
}

main().catch((error: unknown) => {
  // One clear line for configuration and dependency problems; a stack only for the unexpected.
  console.error(error instanceof EnvError || error instanceof RedisSetupError ? error.message : error);
  process.exit(1);
});
