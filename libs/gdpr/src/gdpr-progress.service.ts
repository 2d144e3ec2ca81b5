import type { GdprInProgress } from '@dd/contract';
import type { Db } from '@dd/db';
import { gdprProgressRepository } from './gdpr-progress.repository';

const LIMIT = 200;
const MINUTE_MS = 60_000;

/** Enough of a uuid to tell requests apart on screen and find the job; nothing that names a person. */
export const shortRef = (id: string) => id.slice(0, 8);

/** What an admin watches: exports that are not ready (or failed) and erasures that have not run, oldest first. */
export function createGdprProgressService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const ageMinutes = (since: Date) => Math.max(0, Math.floor((now().getTime() - since.getTime()) / MINUTE_MS));

  return {
    async inProgress(): Promise<GdprInProgress> {
      const [exports, erasures] = await Promise.all([gdprProgressRepository.openExports(db, LIMIT), gdprProgressRepository.pendingErasures(db, LIMIT)]);
      return {
        exports: exports.map((row) => ({
          exportRef: shortRef(row.id),
          customerRef: shortRef(row.customer_id),
          status: row.status as 'requested' | 'building' | 'failed',
          requestedAt: row.requested_at.toISOString(),
          ageMinutes: ageMinutes(row.requested_at),
        })),
        erasures: erasures.map((row) => {
          const requestedAt = row.erasure_requested_at!;
          return { customerRef: shortRef(row.id), requestedAt: requestedAt.toISOString(), ageMinutes: ageMinutes(requestedAt) };
        }),
      };
    },
  };
}

export type GdprProgressService = ReturnType<typeof createGdprProgressService>;
