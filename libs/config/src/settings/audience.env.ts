import { z } from 'zod';

/**
 * Where the API saves its in-memory audience index, so a restart loads it instead of reading every
 * member from PostgreSQL again. Unset: `.data/audience` in development; no snapshot (a full build
 * at every start) in test and production, where a container's disk is often not kept anyway.
 */
export const audienceEnvShape = {
  AUDIENCE_SNAPSHOT_DIR: z.string().trim().min(1).optional(),
};

/** The development default of AUDIENCE_SNAPSHOT_DIR, beside the other generated local state. */
export const DEVELOPMENT_AUDIENCE_SNAPSHOT_DIR = '.data/audience';

export function audienceSnapshotDir(env: { NODE_ENV: string; AUDIENCE_SNAPSHOT_DIR?: string | undefined }): string | undefined {
  return env.AUDIENCE_SNAPSHOT_DIR ?? (env.NODE_ENV === 'development' ? DEVELOPMENT_AUDIENCE_SNAPSHOT_DIR : undefined);
}
