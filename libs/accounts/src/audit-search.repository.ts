import { sql, type Db } from '@dd/db';

export interface AuditFilter {
  /** Already a LIKE pattern with its wildcards escaped. */
  pattern: string | undefined;
  action: string | undefined;
  subjectType: string | undefined;
  from: Date | undefined;
  /** Exclusive upper bound. */
  before: Date | undefined;
  cursor: number | undefined;
  limit: number;
}

/** Reads of the append-only audit log for the admin's search; writes stay in audit.repository. */
export const auditSearchRepository = {
  search(db: Db, filter: AuditFilter) {
    let query = db
      .selectFrom('audit_log')
      .select(['id', 'at', 'actor_user_id', 'actor_role', 'action', 'subject_type', 'subject_id', 'details']);
    if (filter.pattern !== undefined) {
      const like = filter.pattern;
      query = query.where((eb) =>
        eb.or([
          eb('action', 'ilike', like),
          eb('subject_type', 'ilike', like),
          eb('subject_id', 'ilike', like),
          eb(sql<string>`details::text`, 'ilike', like),
        ]),
      );
    }
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    if (filter.subjectType !== undefined) query = query.where('subject_type', '=', filter.subjectType);
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
    if (filter.before !== undefined) query = query.where('at', '<', filter.before);
    if (filter.cursor !== undefined) query = query.where('id', '<', filter.cursor);
    return query.orderBy('id', 'desc').limit(filter.limit).execute();
  },

  async distinctActions(db: Db): Promise<string[]> {
    const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
    return rows.map((row) => row.action);
  },

  async distinctSubjectTypes(db: Db): Promise<string[]> {
    const rows = await db.selectFrom('audit_log').select('subject_type').distinct().orderBy('subject_type').execute();
    return rows.map((row) => row.subject_type);
  },
};
