import { syncReferenceData } from '@dd/categories';
import { migrateToLatest, type Db } from '@dd/db';

/** Schema and reference data, in that order: what every start and deploy runs first. */
export async function prepareDatabase(db: Db): Promise<{ applied: string[]; rules: number }> {
  const applied = await migrateToLatest(db);
  const { rules } = await syncReferenceData(db);
  return { applied, rules };
}
