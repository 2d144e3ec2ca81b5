import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The server tests run against. The workspace's global setup sets TEST_DATABASE_URL before any
 * test file loads (to an embedded server when the variable was unset), so it is read when called:
 * the setup itself imports this module before it has decided.
 */
export const adminUrl = (): string => process.env['TEST_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/postgres';
/** Test files load after the global setup, so a constant is right for them. */
export const testRedisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** The template's name changes whenever a migration does, so a stale template is never reused. */
export function templateName(fingerprint = ''): string {
  const hash = createHash('sha256').update(fingerprint);
  for (const file of readdirSync(migrationsDir).sort()) hash.update(file).update(readFileSync(join(migrationsDir, file)));
  return `dd_tpl_${hash.digest('hex').slice(0, 16)}`;
}

export function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}
