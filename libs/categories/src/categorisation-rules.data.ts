import type { CategorisationRule } from './rule.schema';
import { INTERNAL_RULES } from './rules/internal.rules.data';
import { PROTECTED_LIFE_EVENT_RULES } from './rules/life-event.rules.data';
import { RETAIL_RULES } from './rules/retail.rules.data';
import { SERVICES_RULES } from './rules/services.rules.data';
import { SPECIAL_CATEGORY_RULES } from './rules/special.rules.data';

/**
 * The built-in rule set, as plain rows. Each row is what the `categorisation_rules` table stores:
 * `{ id, priority, field, pattern, category, direction, note }`, where `pattern` is the source of a
 * case-insensitive regular expression matched against normalised text (see rule.schema.ts).
 *
 * Precedence (rule-priority.ts): protected life event (pregnancy, baby, day care) 1000 > special
 * categories 900 > internal money movements 700 > merchant exceptions 350 > merchants 300 > loose
 * internal words 200 > generic keywords 100; among equal priorities, the row listed first wins. Unmatched debits are "other",
 * unmatched credits "income". Restricted rules read the description as well as the merchant, so what
 * was bought ("ovulatietest", "Nutrilon", "medicijnen") outranks where it was bought (Kruidvat, Albert
 * Heijn), which only merchant rules at 300 know.
 */
export const CATEGORISATION_RULES: readonly CategorisationRule[] = [
  ...PROTECTED_LIFE_EVENT_RULES,
  ...SPECIAL_CATEGORY_RULES,
  ...INTERNAL_RULES,
  ...SERVICES_RULES,
  ...RETAIL_RULES,
];
