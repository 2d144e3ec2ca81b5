import type { CategoryCode } from '../category.catalogue';
import type { CategorisationRule, RuleDirection, RuleField } from '../rule.schema';

/** Builds plain rule rows at one priority, so each data line reads as id, field, pattern, category, note. */
export function rowsAt(priority: number) {
  return (id: string, field: RuleField, pattern: string, category: CategoryCode, note: string, direction: RuleDirection = 'any'): CategorisationRule => ({
    id,
    priority,
    field,
    pattern,
    category,
    direction,
    note,
  });
}
