import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCategoriser } from './categoriser';
import { CATEGORY_CODES, isRestricted, isSellable, PROTECTED_LIFE_EVENT_CATEGORIES, SPECIAL_CATEGORIES } from './category.catalogue';

const categoriser = createCategoriser();
const codes = new Set<string>(CATEGORY_CODES);

const bankish = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom('BEA   NR:', 'BEA, Betaalpas ', ',PAS123', '/NAME/', 'Naam: ', 'GEA', 'Apotheek', 'Jumbo', 'D66', ' via Adyen', 'SumUp *'),
);
const optionalText = fc.option(fc.array(bankish, { maxLength: 4 }).map((parts) => parts.join('')), { nil: undefined });

const transaction = fc.record({
  counterpartyName: fc.option(optionalText, { nil: null }).map((value) => value ?? null),
  description: optionalText,
  bankCode: fc.option(fc.string({ maxLength: 4 }), { nil: null }),
  counterpartyIban: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
  amountCents: fc.oneof(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.constantFrom(0, Number.NaN, Number.POSITIVE_INFINITY)),
});

describe('categoriser properties', () => {
  it('never throws and always returns a catalogue code with consistent flags', () => {
    fc.assert(
      fc.property(transaction, (tx) => {
        const result = categoriser.categorise(tx);
        expect(codes.has(result.category)).toBe(true);
        expect(result.special).toBe(isRestricted(result.category));
        expect(result.protectedLifeEvent).toBe((PROTECTED_LIFE_EVENT_CATEGORIES as string[]).includes(result.category));
        if (result.special) expect(isSellable(result.category)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(transaction, (tx) => {
        expect(categoriser.categorise(tx)).toEqual(categoriser.categorise(tx));
      }),
      { numRuns: 300 },
    );
  });

  it('marks a payment special whenever a special word is added to it, whatever else it says', () => {
    const specialWords = ['Apotheek', 'Huisartsenpraktijk', 'Parochie', 'FNV', 'Tinder', 'Prenatal', 'Kerkbalans', 'Zorgverzekering'];
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom(...specialWords), fc.constantFrom('Albert Heijn', 'Zalando', 'Shell', 'bol.com', ''), fc.integer({ min: -100_000, max: 100_000 }), (noise, word, shop, amountCents) => {
        const result = categoriser.categorise({ counterpartyName: `${shop} ${word}`, description: noise, amountCents });
        expect(result.special).toBe(true);
        expect(isSellable(result.category)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('isSellable is false for every special and protected category, and for unknown codes', () => {
    for (const code of [...SPECIAL_CATEGORIES, ...PROTECTED_LIFE_EVENT_CATEGORIES]) expect(isSellable(code)).toBe(false);
    fc.assert(
      fc.property(fc.string(), (value) => {
        if (!codes.has(value)) expect(isSellable(value)).toBe(false);
      }),
    );
    expect(isSellable('Health')).toBe(false);
  });
});
