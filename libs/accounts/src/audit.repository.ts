import type { Database, Db, DbTransaction, Role } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export interface AuditEntryInput {
  actorUserId: string | null;
  actorRole: Role | 'system';
  action: string;
  subjectType: string;
  subjectId: string | null;
  details?: Record<string, unknown>;
}

/** Append-only (a trigger refuses updates and deletes); write inside the transaction of the action itself. */
export const auditRepository = {
  append(db: Executor, entry: AuditEntryInput) {
    return db
      .insertInto('audit_log')
      .values({
        actor_user_id: entry.actorUserId,
        actor_role: entry.actorRole,
        action: entry.action,
        subject_type: entry.subjectType,
        subject_id: entry.subjectId,
        details: JSON.stringify(entry.details ?? {}) as unknown as Record<string, unknown>,
      })
      .execute();
  },
};
