import { getCategory, type CategoryCode } from './category.catalogue';
import { CATEGORISATION_RULES } from './categorisation-rules.data';
import { boundedMemo } from './bounded-memo';
import { RuleCandidates, type Direction } from './rule-candidates';
import { parseRuleSet, type CategorisationRule, type RuleDirection, type RuleField } from './rule.schema';
import { normaliseIban, normaliseMerchant, normaliseText, transactionText, type NameNormalisers, type TransactionText, type TransactionTextInput } from './transaction-text';

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
  readonly pattern: string;
  readonly regex: RegExp;
  readonly direction: RuleDirection;
  readonly result: CategorisationResult;
}

/** Distinct names remembered per categoriser; a statement names a few dozen merchants, a year of them a few hundred. */
const MAX_REMEMBERED_NAMES = 4_096;

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

function compile(rules: readonly CategorisationRule[]): CompiledRule[] {
  // Stable sort: equal priorities keep their order in the rule set, which is the documented tie-break.
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
    .map(({ rule }) => ({
      id: rule.id,
      field: rule.field,
      pattern: rule.pattern,
      regex: new RegExp(rule.pattern, 'i'),
      direction: rule.direction,
      result: resultFor(rule.category, rule.id),
    }));
}

/**
 * Compiles a rule set once (validating it first, so rows loaded from a database are checked) and
 * returns a categoriser that never throws on odd input. Precedence: the customer's own IBAN first,
 * then the highest-priority matching rule, then "income" for money in and "other" for money out.
 */
export function createCategoriser(rules: readonly CategorisationRule[] = CATEGORISATION_RULES): Categoriser {
  const compiled = compile(parseRuleSet(rules));
  // Most rules cannot match a given row; the index names the few that might, so only their patterns run.
  const candidates = new RuleCandidates(compiled);
  const ownTransfer = resultFor('own_transfer', null);
  const income = resultFor('income', null);
  const other = resultFor('other', null);
  // Counterparty names repeat from row to row, descriptions do not: only names are remembered.
  const rememberedMerchant = boundedMemo(normaliseMerchant, MAX_REMEMBERED_NAMES);
  const rememberedIban = boundedMemo(normaliseIban, MAX_REMEMBERED_NAMES);
  const names: NameNormalisers = {
    merchant: (value) => (value === null ? '' : rememberedMerchant(value)),
    text: boundedMemo(normaliseText, MAX_REMEMBERED_NAMES),
    iban: rememberedIban,
  };
  // The row being categorised, read by matchesRow; one function for all rows instead of a closure per row.
  let rowText: TransactionText | undefined;
  const matchesRow = (index: number): boolean => {
    const rule = compiled[index]!;
    return rowText !== undefined && anyMatches(rule.regex, valuesOf(rowText, rule.field));
  };

  return {
    ruleCount: rules.length,
    categorise(transaction, context) {
      const amount = Number.isFinite(transaction.amountCents) ? transaction.amountCents : 0;
      const direction: Direction = amount > 0 ? 'credit' : amount < 0 ? 'debit' : 'none';
      if (context?.ownIbans && transaction.counterpartyIban) {
        const iban = rememberedIban(transaction.counterpartyIban);
        for (const own of context.ownIbans) if (iban !== '' && rememberedIban(own) === iban) return ownTransfer;
      }
      rowText = transactionText(transaction, names);
      const matched = candidates.firstMatch(rowText, direction, matchesRow);
      if (matched >= 0) return compiled[matched]!.result;
      return direction === 'credit' ? income : other;
    },
  };
}
