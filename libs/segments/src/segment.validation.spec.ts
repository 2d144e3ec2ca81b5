import { describe, expect, it } from 'vitest';
import {
  CATEGORY_CODES,
  INTERNAL_CATEGORIES,
  PROTECTED_LIFE_EVENT_CATEGORIES,
  SELLABLE_CATEGORIES,
  SPECIAL_CATEGORIES,
  getCategory,
} from '@dd/categories';
import type { SegmentNode } from '@dd/contract';
import { DomainError } from '@dd/errors';
import { PROFILE_CATEGORIES, PROFILE_CATEGORY_CODES, knownMunicipalities } from './segment.categories';
import { MINOR_SENTENCE, RESTRICTED_SENTENCE, SegmentRejectedError } from './segment.errors';
import { validateSegment } from './segment.validation';

const spend = (category: string): SegmentNode => ({ field: 'spend', category, min: 1, max: 5 });
const age = (...values: string[]): SegmentNode => ({ field: 'ageBand', in: values });

function rejection(tree: unknown): SegmentRejectedError {
  try {
    validateSegment(tree);
  } catch (error) {
    if (error instanceof SegmentRejectedError) return error;
    throw error;
  }
  throw new Error('expected the segment to be rejected');
}

describe('validateSegment', () => {
  it('accepts a segment over catalogue codes and lists every category it reads, also under not', () => {
    const tree: SegmentNode = {
      op: 'all',
      of: [
        age('25-34', '65+'),
        { op: 'any', of: [{ field: 'province', in: ['NL-NH'] }, { field: 'municipality', in: ['Utrecht', "'s-Hertogenbosch"] }] },
        { op: 'not', of: { field: 'spend', category: 'travel', min: 4, max: 5 } },
        { field: 'householdBand', in: ['three_four'] },
        { field: 'interest', in: ['diy'] },
        { field: 'spend', category: 'groceries', min: 3, max: 5 },
      ],
    };
    expect(validateSegment(tree)).toEqual({
      tree,
      categories: ['groceries', 'profile_age', 'profile_household', 'profile_interests', 'profile_region', 'travel'],
    });
    expect(validateSegment({ field: 'province', in: ['NL-LI'] }).categories).toEqual([PROFILE_CATEGORIES.region]);
  });

  it('accepts every sellable category in a spend criterion', () => {
    for (const category of SELLABLE_CATEGORIES) expect(validateSegment(spend(category)).categories).toEqual([category]);
  });

  it.each([...SPECIAL_CATEGORIES, ...PROTECTED_LIFE_EVENT_CATEGORIES])('refuses the special or protected category %s with a sentence a person understands', (category) => {
    const error = rejection({ op: 'all', of: [age('25-34'), { op: 'not', of: spend(category) }] });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe(`${RESTRICTED_SENTENCE} Remove the criterion on "${getCategory(category).label.en}".`);
    expect(error.details).toMatchObject({ field: 'criteria', reason: 'restricted', path: 'of.1.of.category' });
  });

  it('names every forbidden category in one message', () => {
    const error = rejection({ op: 'any', of: [spend('health'), spend('pregnancy_baby'), spend('health')] });
    expect(error.message).toBe(
      'Segments can never use health, religion, politics, trade union membership, sexual life or pregnancy. Remove the criteria on "Health" and "Pregnancy and baby".',
    );
    expect(error.problems.map((problem) => problem.path)).toEqual(['of.0.category', 'of.1.category', 'of.2.category']);
  });

  it.each(INTERNAL_CATEGORIES)('refuses the internal category %s: money movement is never shared', (category) => {
    const error = rejection(spend(category));
    expect(error.message).toBe(`Segments can only use shopping categories: "${getCategory(category).label.en}" is money movement, which is never shared.`);
    expect(error.details?.['reason']).toBe('internal');
  });

  it('refuses the minor age band, even next to adult bands', () => {
    const error = rejection({ op: 'not', of: age('18-24', 'minor') });
    expect(error.message).toBe(MINOR_SENTENCE);
    expect(error.problems).toEqual([expect.objectContaining({ kind: 'minor', path: 'of.in.1' })]);
  });

  it('refuses unknown codes, naming the value and what it should have been', () => {
    const cases: [SegmentNode, string][] = [
      [age('18-25'), 'We do not know the age band "18-25": choose one from the list.'],
      [{ field: 'province', in: ['NL-XX'] }, 'We do not know the province "NL-XX": choose one from the list.'],
      [{ field: 'municipality', in: ['Atlantis'] }, 'We do not know the municipality "Atlantis": choose one from the list.'],
      [{ field: 'householdBand', in: ['six'] }, 'We do not know the household size "six": choose one from the list.'],
      [{ field: 'interest', in: ['knitting'] }, 'We do not know the interest "knitting": choose one from the list.'],
      [spend('groceriez'), 'We do not know the spending category "groceriez": choose one from the list.'],
    ];
    for (const [tree, message] of cases) expect(rejection(tree).message).toBe(message);
  });

  it('reports the most serious problem first and counts them all', () => {
    const error = rejection({ op: 'all', of: [{ field: 'interest', in: ['knitting'] }, spend('cash'), age('minor'), spend('religion')] });
    expect(error.problems.map((problem) => problem.kind)).toEqual(['restricted', 'minor', 'internal', 'unknown']);
    expect(error.message.startsWith(RESTRICTED_SENTENCE)).toBe(true);
    expect(error.message).toContain('(And 1 more.)');
    expect(error.details).toMatchObject({ reason: 'restricted', problemCount: 4 });
  });

  it('refuses what the contract refuses, keeping its i18n key', () => {
    const error = rejection({ op: 'all', of: [{ op: 'any', of: [] }] });
    expect(error.message).toBe('Every group needs at least one criterion.');
    expect(error.problems).toEqual([expect.objectContaining({ kind: 'invalid', key: 'segment.emptyGroup', path: 'of.0.of' })]);
    expect(rejection('everyone').problems[0]?.key).toBe('segment.invalidNode');
  });
});

describe('segment categories', () => {
  it('keeps profile category codes apart from the catalogue and short enough for a consent record', () => {
    const catalogue = new Set<string>(CATEGORY_CODES);
    for (const code of PROFILE_CATEGORY_CODES) {
      expect(catalogue.has(code)).toBe(false);
      expect(code.length).toBeLessThanOrEqual(40);
    }
  });

  it('knows exactly the municipalities the postcode lookup can produce', () => {
    const municipalities = knownMunicipalities();
    expect(municipalities.size).toBe(32);
    expect(municipalities.get('Amsterdam')).toBe('NL-NH');
    expect(municipalities.get("'s-Gravenhage")).toBe('NL-ZH');
  });
});
