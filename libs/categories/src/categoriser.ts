import { getCategory, type CategoryCode } from './category.catalogue';
import { CATEGORISATION_RULES } from './categorisation-rules.data';
import { parseRuleSet, type CategorisationRule, type RuleDirection, type RuleField } from './rule.schema';
import { normaliseIban, transactionText, type TransactionText, type TransactionTextInput } from './transaction-text';

export interface TransactionToCategorise extends TransactionTextInput {
  /** Signed integer cents: negative is money going out. */
  amountCents: number;
}

export interface CategorisationContext {
  /** The customer's own IBANs: a transfer to one of them is an own transfer, whatever its text says. */
  ownIbans?: Iterable<string>;
}

export interface CategorisationResult {
  readonly category: CategoryCode;
  /** The rule that decided, or null when a default applied (own account, unmatched). */
  readonly ruleId: string | null;
  /** True for special categories and protected life events: shown to the customer only, never sold. */
  readonly special: boolean;
  readonly protectedLifeEvent: boolean;
}

export interface Categoriser {
  categorise(transaction: TransactionToCategorise, context?: CategorisationContext): CategorisationResult;
  readonly ruleCount: number;
}

interface CompiledRule {
  readonly id: string;
  readonly field: RuleField;
  readonly regex: RegExp;
  readonly direction: RuleDirection;
  readonly result: CategorisationResult;
}

/** Consecutive rules of one priority, with one combined pattern per field to skip the group fast. */
interface RuleGroup {
  readonly rules: readonly CompiledRule[];
  readonly prefilters: readonly { field: RuleField; regex: RegExp }[];
}

// Small groups keep the combined patterns cheap while letting most groups be skipped with one test
// per field; measured against larger and smaller sizes on 50,000 generated transactions.
const GROUP_SIZE = 12;

type Direction = 'debit' | 'credit' | 'none';

function resultFor(category: CategoryCode, ruleId: string | null): CategorisationResult {
  const { kind } = getCategory(category);
  return Object.freeze({
    category,
    ruleId,
    special: kind === 'special' || kind === 'protected_life_event',
    protectedLifeEvent: kind === 'protected_life_event',
  });
}

function valuesOf(text: TransactionText, field: RuleField): readonly string[] {
  switch (field) {
    case 'counterparty':
      return text.counterparty;
    case 'description':
      return [text.description];
    case 'text':
      return [text.text];
    case 'bank_code':
      return [text.bankCode];
    case 'counterparty_iban':
      return [text.counterpartyIban];
  }
}

function anyMatches(regex: RegExp, values: readonly string[]): boolean {
  for (const value of values) if (value !== '' && regex.test(value)) return true;
  return false;
}

function compile(rules: readonly CategorisationRule[]): RuleGroup[] {
  // Stable sort: equal priorities keep their order in the rule set, which is the documented tie-break.
  const ordered = rules.map((rule, index) => ({ rule, index })).sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index);
  const groups: RuleGroup[] = [];
  let current: CategorisationRule[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const fields = [...new Set(current.map((rule) => rule.field))];
    groups.push({
      rules: current.map((rule) => ({
        id: rule.id,
        field: rule.field,
        regex: new RegExp(rule.pattern, 'i'),
        direction: rule.direction,
        result: resultFor(rule.category, rule.id),
      })),
      prefilters: fields.map((field) => ({
        field,
        regex: new RegExp(current.filter((rule) => rule.field === field).map((rule) => `(?:${rule.pattern})`).join('|'), 'i'),
      })),
    });
    current = [];
  };
  for (const { rule } of ordered) {
    if (current.length > 0 && (current.length >= GROUP_SIZE || current[0]?.priority !== rule.priority)) flush();
    current.push(rule);
  }
  flush();
  return groups;
}

/**
 * Compiles a rule set once (validating it first, so rows loaded from a database are checked) and
 * returns a categoriser that never throws on odd input. Precedence: the customer's own IBAN first,
 * then the highest-priority matching rule, then "income" for money in and "other" for money out.
 */
export function createCategoriser(rules: readonly CategorisationRule[] = CATEGORISATION_RULES): Categoriser {
  const groups = compile(parseRuleSet(rules));
  const ownTransfer = resultFor('own_transfer', null);
  const income = resultFor('income', null);
  const other = resultFor('other', null);

  return {
    ruleCount: rules.length,
    categorise(transaction, context) {
      const amount = Number.isFinite(transaction.amountCents) ? transaction.amountCents : 0;
      const direction: Direction = amount > 0 ? 'credit' : amount < 0 ? 'debit' : 'none';
      if (context?.ownIbans && transaction.counterpartyIban) {
        const iban = normaliseIban(transaction.counterpartyIban);
        for (const own of context.ownIbans) if (iban !== '' && normaliseIban(own) === iban) return ownTransfer;
      }
      const text = transactionText(transaction);
      for (const group of groups) {
        if (!group.prefilters.some(({ field, regex }) => anyMatches(regex, valuesOf(text, field)))) continue;
        for (const rule of group.rules) {
          if (rule.direction !== 'any' && rule.direction !== direction) continue;
          if (anyMatches(rule.regex, valuesOf(text, rule.field))) return rule.result;
        }
      }
      return direction === 'credit' ? income : other;
    },
  };
}
