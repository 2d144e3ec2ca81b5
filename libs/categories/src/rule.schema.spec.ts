import { describe, expect, it } from 'vitest';
import { InvalidRuleSetError } from './categories.errors';
import { CATEGORISATION_RULES } from './categorisation-rules.data';
import { getCategory } from './category.catalogue';
import { RULE_PRIORITY } from './rule-priority';
import { parseRuleSet, patternProblems, validateRuleSet, type CategorisationRule } from './rule.schema';

const valid: CategorisationRule = {
  id: 'groceries.example',
  priority: RULE_PRIORITY.merchant,
  field: 'counterparty',
  pattern: String.raw`\bexample\b`,
  category: 'groceries',
  direction: 'any',
  note: 'Example.',
};

describe('the built-in rule set', () => {
  it('validates', () => {
    const result = validateRuleSet(CATEGORISATION_RULES);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('has unique ids and hundreds of merchant and keyword alternatives', () => {
    expect(new Set(CATEGORISATION_RULES.map((rule) => rule.id)).size).toBe(CATEGORISATION_RULES.length);
    const alternatives = CATEGORISATION_RULES.reduce((count, rule) => count + rule.pattern.split('|').length, 0);
    expect(alternatives).toBeGreaterThan(500);
  });

  it('covers every category with at least one rule, except the fallback-only ones', () => {
    const covered = new Set(CATEGORISATION_RULES.map((rule) => rule.category));
    for (const code of ['groceries', 'drugstore', 'fashion', 'dining', 'travel', 'mobility', 'energy', 'home', 'electronics', 'leisure', 'telecom',
      'subscriptions', 'sport', 'pets', 'kids', 'health', 'religion', 'politics', 'trade_union', 'sexual_life', 'pregnancy_baby', 'childcare', 'income',
      'benefits', 'own_transfer', 'savings', 'cash', 'taxes', 'housing', 'insurance', 'debt', 'charity', 'gambling'] as const) {
      expect(covered).toContain(code);
    }
  });

  it('keeps every restricted rule above every other rule', () => {
    for (const rule of CATEGORISATION_RULES) {
      const { kind } = getCategory(rule.category);
      if (kind === 'special' || kind === 'protected_life_event') expect(rule.priority).toBeGreaterThanOrEqual(RULE_PRIORITY.special);
      else expect(rule.priority).toBeLessThan(RULE_PRIORITY.special);
    }
  });

  it('is plain serialisable data, as a database row would be', () => {
    expect(JSON.parse(JSON.stringify(CATEGORISATION_RULES))).toEqual(CATEGORISATION_RULES);
  });
});

describe('rule validation', () => {
  it.each([
    ['an unknown category', { category: 'shoes' }, /category/],
    ['a pattern that does not compile', { pattern: String.raw`\b(unclosed` }, /does not compile/],
    ['a pattern that matches everything', { pattern: 'x*' }, /matches an empty text/],
    ['nested quantifiers', { pattern: String.raw`(a+)+b` }, /nests quantifiers/],
    ['back-references', { pattern: String.raw`(ab)\1` }, /back-references/],
    ['punctuation that normalisation removes', { pattern: String.raw`\bbol\.com\b` }, /punctuation/],
    ['a hyphen outside a character class', { pattern: 'basic-fit' }, /punctuation/],
    ['accented letters', { pattern: 'café' }, /accented/],
    ['a special category below the special band', { category: 'health', priority: 300 }, /special-category rules need/],
    ['a protected life event below its band', { category: 'pregnancy_baby', priority: 900 }, /protected life event rules need/],
    ['a sellable category in the special band', { priority: 900 }, /only special categories/],
    ['a malformed id', { id: 'Bad Id' }, /id/],
    ['an unknown field', { field: 'amount' }, /field/],
    ['an unknown direction', { direction: 'sideways' }, /direction/],
    ['an empty note', { note: '  ' }, /note/],
  ])('rejects %s', (_label, override, message) => {
    const result = validateRuleSet([{ ...valid, ...override }]);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.issues.join('\n')).toMatch(message);
  });

  it('rejects unknown properties, empty sets and non-lists', () => {
    expect(validateRuleSet([{ ...valid, extra: true }]).ok).toBe(false);
    expect(validateRuleSet([]).ok).toBe(false);
    expect(validateRuleSet({ rules: [] }).ok).toBe(false);
  });

  it('reports duplicate ids', () => {
    const result = validateRuleSet([valid, { ...valid, pattern: String.raw`\bother\b` }]);
    expect(result.ok ? '' : result.issues.join('\n')).toMatch(/used more than once/);
  });

  it('accepts regular expression features that are safe', () => {
    expect(patternProblems(String.raw`(?<!dieren)apothe{1,2}k|\bd66\b.{0,60}\blidmaatschap\b|\bq[a-z-]?park\b`, 'text')).toEqual([]);
    expect(patternProblems('^NL86INGB0002445588$', 'counterparty_iban')).toEqual([]);
  });

  it('parseRuleSet throws a domain error listing the problems', () => {
    expect(() => parseRuleSet([{ ...valid, pattern: '(' }])).toThrow(InvalidRuleSetError);
    try {
      parseRuleSet([{ ...valid, category: 'nope' }, { ...valid, id: 'x', pattern: '' }]);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidRuleSetError);
      expect((error as InvalidRuleSetError).code).toBe('VALIDATION_FAILED');
      expect((error as InvalidRuleSetError).issues.length).toBeGreaterThanOrEqual(2);
    }
  });
});
