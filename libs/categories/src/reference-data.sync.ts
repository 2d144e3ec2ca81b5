import { createHash } from 'node:crypto';
import type { Db } from '@dd/db';
import { CATEGORIES } from './category.catalogue';
import { CATEGORISATION_RULES } from './categorisation-rules.data';
import { INDUSTRIES } from './industries';
import { PROFILE_CATEGORY_LIST } from './profile-categories';
import { referenceDataRepository } from './reference-data.repository';
import { parseRuleSet, type CategorisationRule } from './rule.schema';
import { createCategoriser, type Categoriser } from './categoriser';

/** Spending categories and profile facts alike: consent rows reference both. */
const CATEGORY_ROWS = [...CATEGORIES, ...PROFILE_CATEGORY_LIST].map(({ code, kind }) => ({ code, kind }));

/**
 * Writes the category catalogue (with the profile facts), the industries and the rule set into
 * their tables, so the database can enforce them (consent rows reference real categories) and
 * rules stay data that an operator can read and change. Runs after every migration; idempotent.
 */
export async function syncReferenceData(db: Db): Promise<{ categories: number; industries: number; rules: number }> {
  const rules = parseRuleSet(CATEGORISATION_RULES);
  await db.transaction().execute(async (trx) => {
    await referenceDataRepository.upsertCategories(trx, CATEGORY_ROWS);
    await referenceDataRepository.upsertIndustries(trx, INDUSTRIES.map(({ code, sensitive }) => ({ code, sensitive })));
    await referenceDataRepository.replaceRules(trx, rules.map((rule) => ({ ...rule })));
  });
  return { categories: CATEGORY_ROWS.length, industries: INDUSTRIES.length, rules: rules.length };
}

/** The rules as stored, validated again: a broken row edited into the table stops the import loudly. */
export async function loadRules(db: Db): Promise<CategorisationRule[]> {
  const rows = await referenceDataRepository.listRules(db);
  return parseRuleSet(rows.map((row) => ({ ...row, note: row.note ?? row.id })));
}

export async function loadCategoriser(db: Db): Promise<Categoriser> {
  return createCategoriser(await loadRules(db));
}

/** Changes whenever the catalogue, profile facts, industries or rules change (test templates are keyed by it). */
export function referenceDataFingerprint(): string {
  return createHash('sha256')
    .update(JSON.stringify([CATEGORIES, PROFILE_CATEGORY_LIST, INDUSTRIES, CATEGORISATION_RULES]))
    .digest('hex')
    .slice(0, 16);
}
