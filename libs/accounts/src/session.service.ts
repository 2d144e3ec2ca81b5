import { createHash, randomBytes } from 'node:crypto';
import type { Database, Db, DbTransaction } from '@dd/db';
import type { Viewer } from '@dd/contract';
import { DomainError } from '@dd/errors';
import { createTtlCache } from './session.cache';
import { sessionRepository } from './session.repository';

/**
 * How long an API process trusts a session, its user and an organisation's status once looked up:
 * the longest another process's sign-out, revocation or status change can go unseen here. Changes
 * made through this process are seen at once (`forget`).
 */
export const SESSION_CACHE_TTL_MS = 2_000;

/** What `forget` drops from this process's cache: one session, every session of a user, an organisation, or all. */
export type SessionCacheScope = { token: string } | { userId: string } | { organisationId: string } | 'all';

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
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export function createSessionService(deps: { db: Db; ttlHours: number; now?: () => Date; cacheTtlMs?: number }) {
  const now = deps.now ?? (() => new Date());
  const ttlMs = deps.cacheTtlMs ?? SESSION_CACHE_TTL_MS;
  // Keyed by the token's hash; an unknown token is not cached (the next request may carry a session just issued).
  const sessions = createTtlCache<string, CachedSession | null>({ ttlMs, maxEntries: 50_000, cacheable: (entry) => entry !== null });
  const organisations = createTtlCache<string, OrganisationFacts | null>({ ttlMs, maxEntries: 10_000, cacheable: (facts) => facts !== null });

  async function load(tokenHash: string): Promise<CachedSession | null> {
    const row = await sessionRepository.findActive(deps.db, tokenHash, now());
    if (!row) return null;
    return {
      expiresAt: row.expires_at,
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
    else if ('userId' in scope) sessions.deleteWhere((entry) => entry?.viewer.id === scope.userId);
    else {
      organisations.delete(scope.organisationId);
      sessions.deleteWhere((entry) => entry?.viewer.organisation?.id === scope.organisationId);
    }
  }

  return {
    forget,

    /** 256 random bits for the cookie; only its hash is stored. */
    async issue(userId: string, db: Db = deps.db): Promise<IssuedSession> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now().getTime() + deps.ttlHours * 3_600_000);
      await sessionRepository.insert(db, { tokenHash: hashToken(token), userId, expiresAt });
      return { token, expiresAt };
    },

    /** The viewer of a session cookie; from this process's cache when it looked the session up in the last SESSION_CACHE_TTL_MS. */
    async resolve(token: string | undefined): Promise<Viewer | null> {
      if (!token || token.length > 128) return null;
      const tokenHash = hashToken(token);
      const entry = await sessions.get(tokenHash, () => load(tokenHash));
      if (!entry) return null;
      if (entry.expiresAt <= now()) {
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

    async revoke(token: string): Promise<void> {
      await sessionRepository.revoke(deps.db, hashToken(token), now());
      forget({ token });
    },

    /**
     * Ends every session of a user but `keepToken`'s (the browser that changed the password), in
     * the caller's transaction when given one, so the password and the sessions change together.
     */
    async endOtherSessions(userId: string, keepToken: string | undefined, db: Db | DbTransaction<Database> = deps.db): Promise<number> {
      const ended = await sessionRepository.revokeAllOfUser(db, userId, now(), keepToken ? hashToken(keepToken) : undefined);
      // Also before the caller commits: a lookup in between reloads the old row, which the cache keeps no longer than its TTL.
      forget({ userId });
      return ended.length;
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
