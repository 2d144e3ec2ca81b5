import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SegmentNode } from '@dd/contract';
import { describeSegment } from './segment.describe';
import { equivalentArb, treeArb } from './testing/segment.arbitraries';

/** Dutch amounts keep "€" and the number together with a no-break space, as Intl writes them. */
const eur = (amount: number) => `€\u00a0${amount}`;

const both = (tree: SegmentNode) => ({ nl: describeSegment(tree, 'nl'), en: describeSegment(tree, 'en') });

describe('describeSegment', () => {
  it('reads the typical segment as a sentence in Dutch and English', () => {
    const tree: SegmentNode = {
      op: 'all',
      of: [{ field: 'spend', category: 'groceries', min: 3, max: 5 }, { field: 'province', in: ['NL-UT', 'NL-NH'] }, { field: 'ageBand', in: ['25-34'] }],
    };
    expect(both(tree)).toEqual({
      nl: `Mensen van 25–34 jaar in Noord-Holland of Utrecht die maandelijks meer dan ${eur(100)} aan boodschappen uitgeven`,
      en: 'People aged 25–34 in North Holland or Utrecht who spend more than €100 a month on groceries',
    });
  });

  it('joins adjacent age bands and renders households, interests and spend ranges with catalogue labels', () => {
    const tree: SegmentNode = {
      op: 'all',
      of: [
        { field: 'ageBand', in: ['65+', '35-44', '55-64', '45-54'] },
        { field: 'householdBand', in: ['three_four', 'five_plus'] },
        { field: 'interest', in: ['diy', 'gardening'] },
        { field: 'spend', category: 'home', min: 2, max: 3 },
        { field: 'spend', category: 'fashion', min: 1, max: 1 },
      ],
    };
    expect(both(tree)).toEqual({
      nl:
        'Mensen van 35 jaar of ouder in een huishouden van 3–4 personen of 5 of meer personen die interesse hebben in klussen of tuinieren, ' +
        `maandelijks minder dan ${eur(25)} aan kleding en schoenen uitgeven en maandelijks tussen ${eur(25)} en ${eur(250)} aan wonen en tuin uitgeven`,
      en:
        'People aged 35 or over in a household of 3–4 people or 5 or more people who are interested in DIY or gardening, ' +
        'spend less than €25 a month on fashion and spend between €25 and €250 a month on home and garden',
    });
  });

  it('pushes negation down to the criteria and brackets nested groups', () => {
    const tree: SegmentNode = {
      op: 'all',
      of: [
        { field: 'municipality', in: ['Amsterdam'] },
        { op: 'not', of: { op: 'any', of: [{ field: 'interest', in: ['gaming'] }, { field: 'spend', category: 'dining', min: 1, max: 5 }] } },
        { op: 'any', of: [{ field: 'ageBand', in: ['18-24'] }, { field: 'householdBand', in: ['single'] }] },
      ],
    };
    expect(both(tree)).toEqual({
      nl: 'Mensen in de gemeente Amsterdam die geen interesse hebben in gamen, geen geld aan uit eten en bezorging uitgeven en (18–24 jaar zijn of in een huishouden van 1 persoon wonen)',
      en: 'People in the municipality of Amsterdam who are not interested in gaming, do not spend money on dining and takeaway and (are aged 18–24 or live in a household of 1 person)',
    });
  });

  it('describes alternatives at the top and negated single criteria', () => {
    expect(both({ op: 'any', of: [{ field: 'province', in: ['NL-FR'] }, { op: 'not', of: { field: 'spend', category: 'travel', min: 4, max: 5 } }] })).toEqual({
      nl: `Mensen die in Fryslân wonen of maandelijks niet meer dan ${eur(250)} aan reizen uitgeven`,
      en: 'People who live in Friesland or do not spend more than €250 a month on travel',
    });
    expect(both({ op: 'not', of: { field: 'ageBand', in: ['18-24', '25-34'] } })).toEqual({
      nl: 'Mensen die niet 18–34 jaar zijn',
      en: 'People who are not aged 18–34',
    });
  });

  it('says so when the criteria exclude each other', () => {
    expect(both({ op: 'all', of: [{ field: 'province', in: ['NL-NH'] }, { field: 'province', in: ['NL-UT'] }] })).toEqual({
      nl: 'Niemand: deze criteria sluiten elkaar uit',
      en: 'Nobody: these criteria exclude each other',
    });
  });

  it('reads equivalent trees the same way', () => {
    const pair = treeArb({ maxDepth: 4, allowEmptyGroups: false }).chain((tree) => equivalentArb(tree).map((variant) => [tree, variant] as const));
    fc.assert(
      fc.property(pair, ([tree, variant]) => {
        expect(describeSegment(variant, 'nl')).toBe(describeSegment(tree, 'nl'));
        expect(describeSegment(variant, 'en')).toBe(describeSegment(tree, 'en'));
      }),
      { numRuns: 300 },
    );
  });
});
