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

function rulesOfRows(rows: Awaited<ReturnType<typeof referenceDataRepository.listRules>>): CategorisationRule[] {
  return parseRuleSet(rows.map((row) => ({ ...row, note: row.note ?? row.id })));
}

/** The rules as stored, validated again: a broken row edited into the table stops the import loudly. */
export async function loadRules(db: Db): Promise<CategorisationRule[]> {
  return rulesOfRows(await referenceDataRepository.listRules(db));
}

/** The categoriser of the rules last read, with the stored rows it was built from. */
let lastBuilt: { rows: string; categoriser: Categoriser } | undefined;

/**
 * A categoriser of the rules as stored now. Every import reads them (an admin's edit applies to the next file),
 * but they rarely change, and validating and indexing 170 rules costs 15–40 ms: the same rows give the same
 * categoriser (it holds no per-file state, only bounded memos of normalised names), so it is built again only
 * when the rows differ.
 */
export async function loadCategoriser(db: Db): Promise<Categoriser> {
  const rows = await referenceDataRepository.listRules(db);
  const key = JSON.stringify(rows);
  if (lastBuilt?.rows !== key) lastBuilt = { rows: key, categoriser: createCategoriser(rulesOfRows(rows)) };
  return lastBuilt.categoriser;
}

/** Changes whenever the catalogue, profile facts, industries or rules change (test templates are keyed by it). */
export function referenceDataFingerprint(): string {
  return createHash('sha256')
    .update(JSON.stringify([CATEGORIES, PROFILE_CATEGORY_LIST, INDUSTRIES, CATEGORISATION_RULES]))
    .digest('hex')
    .slice(0, 16);
}
