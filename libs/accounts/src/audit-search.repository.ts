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
    // The actor's display name for the admin's table; null for the system and for erased accounts.
    let query = db
      .selectFrom('audit_log')
      .leftJoin('users as actor', 'actor.id', 'audit_log.actor_user_id')
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.actor_user_id',
        'audit_log.actor_role',
        'actor.display_name as actor_name',
        'audit_log.action',
        'audit_log.subject_type',
        'audit_log.subject_id',
        'audit_log.details',
      ]);
    if (filter.pattern !== undefined) {
      const like = filter.pattern;
      query = query.where((eb) =>
        eb.or([
          eb('audit_log.action', 'ilike', like),
          eb('audit_log.subject_type', 'ilike', like),
          eb('audit_log.subject_id', 'ilike', like),
          eb(sql<string>`audit_log.details::text`, 'ilike', like),
        ]),
      );
    }
    if (filter.action !== undefined) query = query.where('audit_log.action', '=', filter.action);
    if (filter.subjectType !== undefined) query = query.where('audit_log.subject_type', '=', filter.subjectType);
    if (filter.from !== undefined) query = query.where('audit_log.at', '>=', filter.from);
    if (filter.before !== undefined) query = query.where('audit_log.at', '<', filter.before);
    if (filter.cursor !== undefined) query = query.where('audit_log.id', '<', filter.cursor);
    return query.orderBy('audit_log.id', 'desc').limit(filter.limit).execute();
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
