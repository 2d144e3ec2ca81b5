import { createHash } from 'node:crypto';
import type { Db } from '@dd/db';

/**
 * Tests that measure an attacker's success rate fix the platform's noise secret (before anything
 * asks for it), so every keyed noise draw, and with it the measured rate, is the same on every run.
 */
export async function useFixedNoiseSecret(db: Db, seed: string): Promise<void> {
  const value = createHash('sha256').update(`dd/test-noise-secret/${seed}`).digest();
  await db.insertInto('platform_secrets').values({ name: 'audience-noise', value }).onConflict((oc) => oc.column('name').doUpdateSet({ value })).execute();
}
