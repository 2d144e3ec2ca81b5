import type { AuditFacets, AuditPage, AuditSearchInput } from '@dd/contract';
import type { Db } from '@dd/db';
import { auditSearchRepository } from './audit-search.repository';

const DAY_MS = 86_400_000;

/** "50%_off" must match those characters, not act as LIKE wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type ParsedSearch = Omit<AuditSearchInput, 'limit'> & { limit: number };

/** The admin's search over the audit log: newest first, keyset-paged on the entry id. */
export function createAuditSearchService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async search(input: ParsedSearch): Promise<AuditPage> {
      // One extra row tells whether another page follows.
      const rows = await auditSearchRepository.search(db, {
        pattern: input.query ? likePattern(input.query) : undefined,
        action: input.action,
        subjectType: input.subjectType,
        // Calendar days in UTC, both inclusive: "to" ends where the next day begins.
        from: input.from ? new Date(`${input.from}T00:00:00.000Z`) : undefined,
        before: input.to ? new Date(new Date(`${input.to}T00:00:00.000Z`).getTime() + DAY_MS) : undefined,
        cursor: input.cursor,
        limit: input.limit + 1,
      });
      const entries = rows.slice(0, input.limit).map((row) => ({
        id: Number(row.id),
        at: row.at.toISOString(),
        actorUserId: row.actor_user_id,
        actorRole: row.actor_role,
        actorName: row.actor_name,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        details: row.details,
      }));
      return { entries, nextCursor: rows.length > input.limit ? entries[entries.length - 1]!.id : null };
    },

    async facets(): Promise<AuditFacets> {
      const [actions, subjectTypes] = await Promise.all([auditSearchRepository.distinctActions(db), auditSearchRepository.distinctSubjectTypes(db)]);
      return { actions, subjectTypes };
    },
  };
}

export type AuditSearchService = ReturnType<typeof createAuditSearchService>;
