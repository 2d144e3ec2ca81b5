import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@dd/db';
import type { Viewer } from '@dd/contract';
import { sessionRepository } from './session.repository';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export function createSessionService(deps: { db: Db; ttlHours: number; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    /** 256 random bits for the cookie; only its hash is stored. */
    async issue(userId: string, db: Db = deps.db): Promise<IssuedSession> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now().getTime() + deps.ttlHours * 3_600_000);
      await sessionRepository.insert(db, { tokenHash: hashToken(token), userId, expiresAt });
      return { token, expiresAt };
    },

    async resolve(token: string | undefined): Promise<Viewer | null> {
      if (!token || token.length > 128) return null;
      const row = await sessionRepository.findActive(deps.db, hashToken(token), now());
      if (!row) return null;
      return {
        id: row.user_id,
        email: row.email,
        displayName: row.display_name,
        role: row.role,
        locale: row.locale,
        organisation:
          row.organisation_id && row.organisation_name && row.organisation_status
            ? { id: row.organisation_id, name: row.organisation_name, status: row.organisation_status }
            : null,
      };
    },

    async revoke(token: string): Promise<void> {
      await sessionRepository.revoke(deps.db, hashToken(token), now());
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
