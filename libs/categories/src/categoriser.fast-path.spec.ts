import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abnCard, abnOld, abnSepa, ingCard, ingDebit, raboCard, raboIdeal } from './bank-lines.fixtures';
import { CATEGORISATION_RULES } from './categorisation-rules.data';
import { createCategoriser, type CategorisationContext, type TransactionToCategorise } from './categoriser';
import { getCategory } from './category.catalogue';
import type { CategorisationRule } from './rule.schema';
import { normaliseIban, transactionText } from './transaction-text';

/** The categoriser's contract written the slow, obvious way: every rule in precedence order, one regex at a time. */
function categoriseRuleByRule(rules: readonly CategorisationRule[], tx: TransactionToCategorise, context?: CategorisationContext) {
  const amount = Number.isFinite(tx.amountCents) ? tx.amountCents : 0;
  const direction = amount > 0 ? 'credit' : amount < 0 ? 'debit' : 'none';
  const iban = normaliseIban(tx.counterpartyIban);
  if (context?.ownIbans && tx.counterpartyIban && iban !== '' && [...context.ownIbans].some((own) => normaliseIban(own) === iban)) {
    return { category: 'own_transfer', ruleId: null };
  }
  const text = transactionText(tx);
  const values = { counterparty: text.counterparty, description: [text.description], text: [text.text], bank_code: [text.bankCode], counterparty_iban: [text.counterpartyIban] };
  const ordered = rules.map((rule, index) => ({ rule, index })).sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index);
  for (const { rule } of ordered) {
    if (rule.direction !== 'any' && rule.direction !== direction) continue;
    const regex = new RegExp(rule.pattern, 'i');
    if (values[rule.field].some((value) => value !== '' && regex.test(value))) return { category: rule.category, ruleId: rule.id };
  }
  return { category: direction === 'credit' ? 'income' : 'other', ruleId: null };
}

/** Words a pattern is written to find, read off its source: rows built from them reach deep into the rule set. */
const patternWords = [
  ...new Set(
    CATEGORISATION_RULES.flatMap((rule) =>
      rule.pattern
        .replace(/\(\?<?[=!][^)]*\)/g, ' ')
        .replace(/\\[bsdw]|[\^$()?*+]|\{\d*,?\d*\}|\[[^\]]*\]/g, ' ')
        .split('|')
        .map((word) => word.replace(/\s+/g, ' ').trim())
        // The single words too: "wasbare luier" also yields "luier", which a rule must find on its own.
        .flatMap((word) => [word, ...word.split(' ')])
        .filter((word) => word.length > 1),
    ),
  ),
];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...patternWords) },
  { weight: 1, arbitrary: fc.constantFrom('Albert Heijn 1403', 'B.V.', 'AMSTERDAM', 'via Adyen', 'SumUp *', 'Mollie', "McDonald's", 'Café', 'Apotheek', 'dieren', 'toeslag', 'volwassen', '|', '&', '-', '12345') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const casing = (text: string, upper: boolean) => (upper ? text.toUpperCase() : text);
const phrase = fc.tuple(fc.array(word, { maxLength: 4 }), fc.constantFrom(' ', '', '.', ', ', '  ', '/'), fc.boolean()).map(([words, glue, upper]) => casing(words.join(glue), upper));

const row: fc.Arbitrary<TransactionToCategorise> = fc.oneof(
  fc.record({
    counterpartyName: fc.option(phrase, { nil: null }),
    description: fc.option(phrase, { nil: undefined }),
    bankCode: fc.option(fc.constantFrom('BA', 'IC', 'gm', 'ga', 'bc', 'id', 'cb', 'tb', 'st'), { nil: null }),
    counterpartyIban: fc.option(fc.constantFrom('NL91ABNA0417164300', 'nl20 ingb 0001 2345 67', 'NL21RABO0302461876'), { nil: undefined }),
    amountCents: fc.oneof(fc.integer({ min: -500_000, max: 500_000 }), fc.constantFrom(0, Number.NaN)),
  }),
  fc.tuple(fc.constantFrom(ingCard, raboCard, abnCard, abnOld), phrase, fc.integer({ min: -500_000, max: 500_000 })).map(([line, name, amountCents]) => ({ ...line(name), amountCents })),
  fc.tuple(fc.constantFrom(ingDebit, raboIdeal, abnSepa), phrase, phrase, fc.integer({ min: -500_000, max: 500_000 })).map(([line, name, text, amountCents]) => ({ ...line(name, text), amountCents })),
);

const context: CategorisationContext = { ownIbans: new Set(['NL20INGB0001234567']) };

describe('categoriser fast path', () => {
  it('decides every row exactly as rule-by-rule evaluation does', () => {
    const categoriser = createCategoriser();
    fc.assert(
      fc.property(row, fc.boolean(), (tx, withContext) => {
        const result = categoriser.categorise(tx, withContext ? context : undefined);
        const expected = categoriseRuleByRule(CATEGORISATION_RULES, tx, withContext ? context : undefined);
        expect({ category: result.category, ruleId: result.ruleId }).toEqual(expected);
        expect(result.special).toBe(getCategory(result.category).kind !== 'sellable' && getCategory(result.category).kind !== 'internal');
      }),
      { numRuns: 5_000 },
    );
  });

  it('keeps the tie-break by rule order for any subset and order of the rules', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...CATEGORISATION_RULES], { minLength: 1 }), fc.array(row, { minLength: 1, maxLength: 30 }), (rules, rows) => {
        const categoriser = createCategoriser(rules);
        for (const tx of rows) {
          const result = categoriser.categorise(tx);
          expect({ category: result.category, ruleId: result.ruleId }).toEqual(categoriseRuleByRule(rules, tx));
        }
      }),
      { numRuns: 40 },
    );
  });
});
