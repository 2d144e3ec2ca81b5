import { z } from 'zod';
import { InvalidRuleSetError } from './categories.errors';
import { categoryCodeSchema, getCategory } from './category.catalogue';
import { RULE_PRIORITY } from './rule-priority';

/**
 * Which part of a transaction a rule looks at. Text fields are matched after normalisation (see
 * transaction-text.ts): lower case, no diacritics, apostrophes dropped, every other punctuation mark
 * turned into a single space, `&` and `+` kept. So "Bol.com B.V." is matched as "bol com".
 *
 * - `counterparty`: the merchant name, from the counterparty column and from card or SEPA details
 *   in the description (ABN AMRO puts everything there); store numbers, trailing city names and
 *   legal forms removed ("ALBERT HEIJN 1403 AMSTERDAM" becomes "albert heijn").
 * - `description`: the whole normalised description.
 * - `text`: counterparty name and description together ("D66" + "Lidmaatschap 2024").
 * - `bank_code`: the bank's transaction code, lower case (ING `gm`, Rabobank `ga`).
 * - `counterparty_iban`: the counterparty IBAN, upper case without spaces.
 */
export const RULE_FIELDS = ['counterparty', 'description', 'text', 'bank_code', 'counterparty_iban'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** `debit` rules only see money going out, `credit` rules only money coming in. */
export const RULE_DIRECTIONS = ['any', 'debit', 'credit'] as const;
export type RuleDirection = (typeof RULE_DIRECTIONS)[number];

const TEXT_FIELDS = new Set<RuleField>(['counterparty', 'description', 'text']);

/** Problems that make a pattern unsafe to run or impossible to match; an empty list means fine. */
export function patternProblems(pattern: string, field: RuleField): string[] {
  const problems: string[] = [];
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'i');
  } catch (error) {
    return [`pattern does not compile (${(error as Error).message})`];
  }
  if (regex.test('') || regex.test(' ')) problems.push('pattern matches an empty text, so it would match every transaction');
  // Rules are combined into one alternation per group for speed; numbered or named references
  // would then point at the wrong group.
  if (/\\[1-9]|\\k<|\(\?<[A-Za-z]/.test(pattern)) problems.push('pattern uses back-references or named groups');
  // A quantified group that itself contains a quantifier, like (a+)+, can take exponential time on
  // hostile input; rules edited in the database must not be able to stall the import worker.
  if (/\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)[*+{]/.test(pattern)) problems.push('pattern nests quantifiers, which can make matching extremely slow');
  if (TEXT_FIELDS.has(field)) {
    const literals = pattern
      .replace(/\[(?:[^\]\\]|\\.)*\]/g, '')
      .replace(/\(\?(?:<?[=!]|:)/g, '')
      .replace(/\.(?:[*+?]|\{\d*,?\d*\})/g, '')
      .replace(/\{\d*,?\d*\}/g, '');
    if (/\\\.|[-'’/,_.]/.test(literals)) {
      problems.push('pattern contains punctuation that normalisation removes; write a space instead (for example "bol com")');
    }
    if (/[\u00C0-\u024F]/.test(pattern)) problems.push('pattern contains accented letters; normalised text has none');
  }
  return problems;
}

export const categorisationRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, 'use lower-case letters, digits, dots and dashes').max(80),
    priority: z.number().int().min(0).max(RULE_PRIORITY.protectedLifeEvent),
    field: z.enum(RULE_FIELDS),
    pattern: z.string().min(1).max(1000),
    category: categoryCodeSchema,
    direction: z.enum(RULE_DIRECTIONS),
    note: z.string().trim().min(1).max(300),
  })
  .strict()
  .superRefine((rule, ctx) => {
    for (const problem of patternProblems(rule.pattern, rule.field)) ctx.addIssue({ code: 'custom', path: ['pattern'], message: problem });
    const { kind } = getCategory(rule.category);
    if (kind === 'protected_life_event' && rule.priority < RULE_PRIORITY.protectedLifeEvent) {
      ctx.addIssue({ code: 'custom', path: ['priority'], message: `protected life event rules need priority ${RULE_PRIORITY.protectedLifeEvent} so nothing can outrank them` });
    }
    if (kind === 'special' && (rule.priority < RULE_PRIORITY.special || rule.priority >= RULE_PRIORITY.protectedLifeEvent)) {
      ctx.addIssue({ code: 'custom', path: ['priority'], message: `special-category rules need a priority from ${RULE_PRIORITY.special} to ${RULE_PRIORITY.protectedLifeEvent - 1}` });
    }
    if ((kind === 'sellable' || kind === 'internal') && rule.priority >= RULE_PRIORITY.special) {
      ctx.addIssue({ code: 'custom', path: ['priority'], message: `only special categories may use priority ${RULE_PRIORITY.special} or higher` });
    }
  });

export type CategorisationRule = z.infer<typeof categorisationRuleSchema>;

export type RuleSetValidation = { ok: true; rules: CategorisationRule[] } | { ok: false; issues: string[] };

/** Checks every row and the set as a whole (unique ids), reporting all problems at once. */
export function validateRuleSet(rows: unknown): RuleSetValidation {
  if (!Array.isArray(rows)) return { ok: false, issues: ['the rule set must be a list of rules'] };
  if (rows.length === 0) return { ok: false, issues: ['the rule set is empty'] };
  const issues: string[] = [];
  const rules: CategorisationRule[] = [];
  const seen = new Set<string>();
  rows.forEach((row: unknown, index) => {
    const parsed = categorisationRuleSchema.safeParse(row);
    const label = `rule ${index}${typeof (row as { id?: unknown })?.id === 'string' ? ` (${(row as { id: string }).id})` : ''}`;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push(`${label} ${issue.path.join('.') || 'row'}: ${issue.message}`);
      return;
    }
    if (seen.has(parsed.data.id)) issues.push(`${label}: id is used more than once`);
    seen.add(parsed.data.id);
    rules.push(parsed.data);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rules };
}

/** Like validateRuleSet, for callers that cannot continue with a broken rule set. */
export function parseRuleSet(rows: unknown): CategorisationRule[] {
  const result = validateRuleSet(rows);
  if (!result.ok) throw new InvalidRuleSetError(result.issues);
  return result.rules;
}
