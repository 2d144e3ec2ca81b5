import { createHash, randomBytes } from 'node:crypto';
import type { Database, Db, DbTransaction, Role, SessionEndReason } from '@dd/db';
import type { Viewer } from '@dd/contract';
import { DomainError } from '@dd/errors';
import { createTtlCache } from './session.cache';
import { sessionRepository } from './session.repository';
import { describeUserAgent } from './user-agent';

/**
 * How long an API process trusts a session, its user and an organisation's status once looked up:
 * the longest another process's sign-out, revocation or status change can go unseen here. Changes
 * made through this process are seen at once (`forget`).
 */
export const SESSION_CACHE_TTL_MS = 2_000;

/**
 * How long a session may go unused before it ends, in minutes, besides its absolute lifetime: a bank's
 * habit of a short bound for the accounts that can move other people's money and data (admins), and
 * a week for customers and advertisers, who come back now and then.
 */
export interface SessionIdleTimeouts {
  member: number;
  admin: number;
}
export const DEFAULT_SESSION_IDLE_MINUTES: SessionIdleTimeouts = { member: 7 * 24 * 60, admin: 12 * 60 };

/**
 * A session's last use is written at most this often, on a cache miss, never per request: the hot
 * path stays a cache hit. The idle timeout therefore counts from a use up to this much earlier than
 * the last one, so a session may end up to this much before its full idle time.
 */
export const SESSION_TOUCH_INTERVAL_MS = 5 * 60_000;

/** What `forget` drops from this process's cache: one session, every session of a user, an organisation, or all. */
export type SessionCacheScope = { token: string } | { tokenHash: string } | { userId: string } | { organisationId: string } | 'all';

/** What the browser a session is issued to says about itself. */
export interface SessionClient {
  userAgent?: string | undefined;
}

/** The organisation facts an estimate checks: verification status and legal entity. */
export interface OrganisationFacts {
  id: string;
  status: string;
  industry: string | null;
  kvkNumber: string | null;
}

interface CachedSession {
  viewer: Viewer;
  expiresAt: Date;
  /** When the session ends for want of use, from the last use recorded when it was loaded. */
  idleUntil: Date;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export function createSessionService(deps: { db: Db; ttlHours: number; idleMinutes?: SessionIdleTimeouts; now?: () => Date; cacheTtlMs?: number }) {
  const now = deps.now ?? (() => new Date());
  const ttlMs = deps.cacheTtlMs ?? SESSION_CACHE_TTL_MS;
  const idle = deps.idleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES;
  const idleMs = (role: Role) => (role === 'admin' ? idle.admin : idle.member) * 60_000;
  // Keyed by the token's hash; an unknown token is not cached (the next request may carry a session just issued).
  const sessions = createTtlCache<string, CachedSession | null>({ ttlMs, maxEntries: 50_000, cacheable: (entry) => entry !== null });
  const organisations = createTtlCache<string, OrganisationFacts | null>({ ttlMs, maxEntries: 10_000, cacheable: (facts) => facts !== null });

  async function load(tokenHash: string): Promise<CachedSession | null> {
    const at = now();
    const row = await sessionRepository.findActive(deps.db, tokenHash, at);
    if (!row) return null;
    let lastUsedAt = row.last_used_at;
    if (lastUsedAt.getTime() + idleMs(row.role) <= at.getTime()) {
      // Ended for good, with its reason, so the sign-in page can say why.
      await sessionRepository.revoke(deps.db, tokenHash, at, 'idle');
      return null;
    }
    if (lastUsedAt.getTime() <= at.getTime() - SESSION_TOUCH_INTERVAL_MS) {
      await sessionRepository.touch(deps.db, tokenHash, at, new Date(at.getTime() - SESSION_TOUCH_INTERVAL_MS));
      lastUsedAt = at;
    }
    return {
      expiresAt: row.expires_at,
      idleUntil: new Date(lastUsedAt.getTime() + idleMs(row.role)),
      viewer: {
        id: row.user_id,
        email: row.email,
        displayName: row.display_name,
        role: row.role,
        locale: row.locale,
        organisation:
          row.organisation_id && row.organisation_name && row.organisation_status
            ? { id: row.organisation_id, name: row.organisation_name, status: row.organisation_status }
            : null,
      },
    };
  }

  /**
   * Drops cached sessions and organisations of this process. Call it after anything that changes
   * what `resolve` or `organisation` answer: a session ended (sign-out, a password reset ending
   * the others), a user changed (role, locale, erasure) or an organisation's status or details.
   * Other API processes see the change within SESSION_CACHE_TTL_MS.
   */
  function forget(scope: SessionCacheScope): void {
    if (scope === 'all') {
      sessions.clear();
      organisations.clear();
    } else if ('token' in scope) sessions.delete(hashToken(scope.token));
    else if ('tokenHash' in scope) sessions.delete(scope.tokenHash);
    else if ('userId' in scope) sessions.deleteWhere((entry) => entry?.viewer.id === scope.userId);
    else {
      organisations.delete(scope.organisationId);
      sessions.deleteWhere((entry) => entry?.viewer.organisation?.id === scope.organisationId);
    }
  }

  return {
    forget,
    /** The idle timeout of a role's sessions, in milliseconds. */
    idleMs,

    /** 256 random bits for the cookie; only its hash is stored, with the browser and system it was issued to (never the address). */
    async issue(userId: string, db: Db = deps.db, client: SessionClient = {}): Promise<IssuedSession> {
      const token = randomBytes(32).toString('base64url');
      const at = now();
      const expiresAt = new Date(at.getTime() + deps.ttlHours * 3_600_000);
      const device = describeUserAgent(client.userAgent);
      await sessionRepository.insert(db, { tokenHash: hashToken(token), userId, expiresAt, lastUsedAt: at, browser: device.browser, os: device.os });
      return { token, expiresAt };
    },

    /** The viewer of a session cookie; from this process's cache when it looked the session up in the last SESSION_CACHE_TTL_MS. */
    async resolve(token: string | undefined): Promise<Viewer | null> {
      if (!token || token.length > 128) return null;
      const tokenHash = hashToken(token);
      const entry = await sessions.get(tokenHash, () => load(tokenHash));
      if (!entry) return null;
      const at = now();
      // Checked on every hit as well: a cached entry cannot keep a session alive past either bound.
      if (entry.expiresAt <= at || entry.idleUntil <= at) {
        sessions.delete(tokenHash);
        return null;
      }
      return entry.viewer;
    },

    /** An organisation's status and legal entity, cached like sessions: every estimate checks them. */
    async organisation(organisationId: string | undefined): Promise<OrganisationFacts> {
      const facts = organisationId
        ? await organisations.get(organisationId, async () => {
            const row = await sessionRepository.findOrganisationFacts(deps.db, organisationId);
            return row ? { id: row.id, status: row.status, industry: row.industry, kvkNumber: row.kvk_number } : null;
          })
        : null;
      if (!facts) throw new DomainError('NOT_FOUND', 'Your organisation could not be found. Contact support.');
      return facts;
    },

    async revoke(token: string, reason: SessionEndReason = 'signed_out'): Promise<void> {
      await sessionRepository.revoke(deps.db, hashToken(token), now(), reason);
      forget({ token });
    },

    /**
     * Ends every session of a user but `keepToken`'s (the browser that changed the password), in
     * the caller's transaction when given one, so the password and the sessions change together.
     */
    async endOtherSessions(
      userId: string,
      keepToken: string | undefined,
      db: Db | DbTransaction<Database> = deps.db,
      reason: SessionEndReason = 'security',
    ): Promise<number> {
      const ended = await sessionRepository.revokeAllOfUser(db, userId, now(), keepToken ? hashToken(keepToken) : undefined, reason);
      // Also before the caller commits: a lookup in between reloads the old row, which the cache keeps no longer than its TTL.
      forget({ userId });
      return ended.length;
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
