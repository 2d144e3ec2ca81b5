import type { Db, Role } from '@dd/db';
import { DomainError } from '@dd/errors';
import { auditRepository } from './audit.repository';
import { sessionRepository } from './session.repository';
import { hashToken, type SessionService } from './session.service';

/** A session as its owner sees it: an opaque id, never the token or its hash. */
export interface OwnSession {
  id: string;
  browser: string | null;
  os: string | null;
  createdAt: string;
  lastUsedAt: string;
  /** The session of the browser asking. */
  current: boolean;
}

/** Why the session of a browser's cookie ended, as far as the person should hear about it. */
export type SessionEndNotice = 'idle' | 'ended' | null;

interface Owner {
  id: string;
  role: Role;
}

/**
 * The signed-in person's own sessions: see them, end one, end all others, or end all. Every ending
 * drops the sessions from this process's cache at once (other API processes within
 * SESSION_CACHE_TTL_MS) and is written to the audit log.
 */
export function createOwnSessionsService(deps: { db: Db; sessions: SessionService; now?: () => Date }) {
  const { db, sessions } = deps;
  const now = deps.now ?? (() => new Date());

  const audit = (owner: Owner, action: string, details: Record<string, unknown>) =>
    auditRepository.append(db, { actorUserId: owner.id, actorRole: owner.role, action, subjectType: 'user', subjectId: owner.id, details });

  return {
    async list(owner: Owner, currentToken: string | undefined): Promise<OwnSession[]> {
      const at = now();
      const currentHash = currentToken ? hashToken(currentToken) : undefined;
      const rows = await sessionRepository.listUnended(db, owner.id, at);
      return rows
        .filter((row) => row.last_used_at.getTime() + sessions.idleMs(owner.role) > at.getTime())
        .map((row) => ({
          id: row.public_id,
          browser: row.device_browser,
          os: row.device_os,
          createdAt: row.created_at.toISOString(),
          lastUsedAt: row.last_used_at.toISOString(),
          current: row.token_hash === currentHash,
        }))
        // This device first, then the others by last use.
        .sort((a, b) => Number(b.current) - Number(a.current));
    },

    /** Ends one session of the owner's; `current` when it was the asking browser's own (which is then signed out). */
    async end(owner: Owner, sessionId: string, currentToken: string | undefined): Promise<{ current: boolean }> {
      const tokenHash = await sessionRepository.revokeByPublicId(db, owner.id, sessionId, now());
      // Another person's session id is answered like one that has ended: it says nothing about theirs.
      if (!tokenHash) throw new DomainError('NOT_FOUND', 'This session has already ended. Reload the list to see your sessions.', undefined, { code: 'sessionGone', params: {} });
      sessions.forget({ tokenHash });
      const current = currentToken !== undefined && hashToken(currentToken) === tokenHash;
      await audit(owner, 'auth.session_ended', { sessionId, current });
      return { current };
    },

    /** "Sign out everywhere else": this browser stays signed in. */
    async endOthers(owner: Owner, currentToken: string | undefined): Promise<{ ended: number }> {
      const ended = await sessions.endOtherSessions(owner.id, currentToken, db, 'ended');
      await audit(owner, 'auth.sessions_ended', { scope: 'others', ended });
      return { ended };
    },

    /** Every session ends, this browser's too. */
    async endAll(owner: Owner): Promise<{ ended: number }> {
      const ended = await sessions.endOtherSessions(owner.id, undefined, db, 'ended');
      await audit(owner, 'auth.sessions_ended', { scope: 'all', ended });
      return { ended };
    },

    /**
     * Why the cookie's session no longer works: `idle` after the idle timeout, `ended` when another
     * session (or a password or address change) ended it; null otherwise (signed out, expired, unknown).
     */
    async endNotice(token: string | undefined): Promise<SessionEndNotice> {
      if (!token || token.length > 128) return null;
      const row = await sessionRepository.findEnding(db, hashToken(token));
      if (!row) return null;
      if (row.revoked_at) return row.end_reason === 'idle' ? 'idle' : row.end_reason === 'ended' || row.end_reason === 'security' ? 'ended' : null;
      const at = now().getTime();
      // Not looked at since it went idle: it ended all the same.
      if (row.expires_at.getTime() > at && row.last_used_at.getTime() + sessions.idleMs(row.role) <= at) return 'idle';
      return null;
    },
  };
}

export type OwnSessionsService = ReturnType<typeof createOwnSessionsService>;
