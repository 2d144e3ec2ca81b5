import type { Database, Kysely } from '@dd/db';
import { recomputeFeatures } from '@dd/profile';

/**
 * Derives the segment features of seeded customers with the same function the worker's
 * `features.recompute` job runs (the seed writes rows directly, so no job is queued for them).
 * Without features nobody would count in audiences, and a demo install would have no market.
 * `at` is the end of the seeded window, so spend bands describe the seeded months.
 */
export async function deriveSeededFeatures(
  db: Kysely<Database>,
  customerIds: readonly string[],
  at: Date,
  settings: { concurrency: number; log: (line: string) => void },
): Promise<number> {
  let next = 0;
  let done = 0;
  let reported = 0;
  const worker = async () => {
    while (next < customerIds.length) {
      const id = customerIds[next++]!;
      if ((await recomputeFeatures(db, id, at)) === 'computed') done++;
      const decile = Math.floor((next * 10) / customerIds.length);
      if (decile > reported && next < customerIds.length) {
        reported = decile;
        settings.log(`seed: features ${decile * 10}% (${next}/${customerIds.length})`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, settings.concurrency * 2) }, worker));
  return done;
}

/** The first moment after the seeded window (`until` is YYYY-MM and not part of it). */
export const seededWindowEnd = (until: string): Date => new Date(`${until}-01T00:00:00Z`);
