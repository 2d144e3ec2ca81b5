import type { FastifyInstance } from 'fastify';
import { sql, type Db } from '@dd/db';

export interface HealthChecks {
  db: Db;
  /** Resolves when Redis answers PING. */
  pingRedis(): Promise<unknown>;
}

async function probe(check: () => Promise<unknown>): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), 2_000);
      }),
    ]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/** `/healthz`: 200 when PostgreSQL and Redis both answer, 503 naming what is down otherwise. */
export function registerHealthRoute(app: FastifyInstance, checks: HealthChecks): void {
  app.get('/healthz', async (_req, reply) => {
    const [database, redis] = await Promise.all([
      probe(() => sql`select 1`.execute(checks.db)),
      probe(() => checks.pingRedis()),
    ]);
    const ok = database === 'ok' && redis === 'ok';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, redis });
  });
}
