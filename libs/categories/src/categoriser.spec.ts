import { describe, expect, it } from 'vitest';
import { InvalidRuleSetError } from './categories.errors';
import { createCategoriser } from './categoriser';
import type { CategorisationRule } from './rule.schema';

const categoriser = createCategoriser();
const categoryOf = (counterpartyName: string, description: string, amountCents: number, bankCode: string | null = null) =>
  categoriser.categorise({ counterpartyName, description, bankCode, amountCents }).category;

describe('defaults and money direction', () => {
  it('files an unknown payment as other and an unknown credit as income', () => {
    expect(categoriser.categorise({ counterpartyName: 'J. de Vries', description: 'Terugbetaling etentje', amountCents: -2_000 })).toEqual({
      category: 'other',
      ruleId: null,
      special: false,
      protectedLifeEvent: false,
    });
    expect(categoryOf('J. de Vries', 'Bedankt!', 2_000)).toBe('income');
  });

  it('treats a zero amount as neither in nor out', () => {
    expect(categoryOf('Onbekend', '', 0)).toBe('other');
  });

  it('keeps a refund from a shop in the shop category', () => {
    expect(categoryOf('Zalando SE', 'Retour 123', 5_999)).toBe('fashion');
    expect(categoryOf('', 'BEA, Betaalpas                   IKEA Amsterdam,PAS123           NR:0ABC0D, 13.02.23/14:37        AMSTERDAM                       TERUGBOEKING BEA-TRANSACTIE', 999)).toBe('home');
  });

  it('only counts salary words on money coming in', () => {
    expect(categoryOf('Acme B.V.', 'Acme B.V. salaris november', 310_000)).toBe('income');
    expect(categoryOf('Albert Heijn B.V.', 'Salaris week 12', 45_000)).toBe('income');
    expect(categoryOf('M. Jansen', 'Salaris oppas november', -12_000)).toBe('other');
    expect(categoryOf('Gemeente Loon op Zand', 'Parkeervergunning', -4_500)).toBe('taxes');
  });

  it('applies the debit-only and credit-only DUO rules', () => {
    expect(categoryOf('DUO', 'Studiefinanciering januari', 45_000)).toBe('benefits');
    expect(categoryOf('DUO', 'Aflossing studieschuld', -12_000)).toBe('debt');
  });

  it('does not file a Vinted payout as fashion spending', () => {
    expect(categoryOf('Vinted', 'Uitbetaling', 2_500)).toBe('income');
    expect(categoryOf('Vinted', 'Aankoop jas', -2_500)).toBe('fashion');
  });

  it('never throws on a missing amount', () => {
    expect(categoriser.categorise({ counterpartyName: 'Jumbo', amountCents: Number.NaN }).category).toBe('groceries');
  });
});

describe('internal money movements', () => {
  it.each([
    ['ING ATM code', 'Geldmaat Utrecht', 'Geldautomaat', -5_000, 'GM', 'cash'],
    ['Rabobank ATM code', 'Geldmaat', '', -5_000, 'ga', 'cash'],
    ['ABN AMRO GEA line', '', 'GEA, Betaalpas                   Geldmaat Somewhere 22,PAS123    NR:012345, 12.02.23/17:55        Somewhere', -20_000, null, 'cash'],
    ['Rabobank own-account code', 'J. Jansen', 'Naar spaarrekening', -50_000, 'tb', 'own_transfer'],
    ['ING savings', 'Oranje Spaarrekening V12345678', 'Naar Oranje Spaarrekening V12345678', -10_000, 'GT', 'savings'],
    ['interest', 'ABN AMRO Bank N.V.', 'Basic interest over the period', 1_223, null, 'savings'],
    ['tax office', 'Belastingdienst', 'Aanslag inkomstenbelasting 2023', -75_000, 'OV', 'taxes'],
    ['allowances are benefits, not tax', 'Belastingdienst/Toeslagen', 'Zorgtoeslag januari', 12_300, null, 'benefits'],
    ['UWV unemployment benefit', 'UWV', 'WW uitkering december', 150_000, null, 'benefits'],
    ['SVB child benefit', 'SVB', 'Kinderbijslag 1e kwartaal', 30_000, null, 'benefits'],
    ['CJIB fine', 'CJIB', 'Beschikking 123456789', -11_000, null, 'taxes'],
    ['housing corporation', 'Ymere', 'Huur januari', -85_000, 'IC', 'housing'],
    ['Eigen Haard', 'Stichting Eigen Haard', 'Huur', -75_000, 'IC', 'housing'],
    ['Vestia', 'Vestia', 'Huur februari', -70_000, 'IC', 'housing'],
    ['Woonstad Rotterdam', 'Woonstad Rotterdam', 'Huur', -70_000, 'IC', 'housing'],
    ['rent to a private landlord', 'P. de Boer', 'Huur maart', -95_000, 'OV', 'housing'],
    ['car rental is not rent', 'Sixt B.V.', 'Huur auto Schiphol', -15_000, null, 'mobility'],
    ['mortgage', 'ING Hypotheken', 'Rente en aflossing', -120_000, null, 'housing'],
    ['general insurer without "zorg"', 'Centraal Beheer', 'Autoverzekering', -6_000, 'IC', 'insurance'],
    ['debt collector', 'Flanderijn Gerechtsdeurwaarders', 'Dossier 123', -10_000, null, 'debt'],
    ['buy now pay later without shop', 'Klarna Bank AB', 'Betaling 1234', -5_000, null, 'debt'],
    ['buy now pay later naming the shop', 'Klarna Bank AB', 'Zalando bestelling 1234', -5_000, null, 'fashion'],
    ['charity', 'KWF Kankerbestrijding', 'Maandelijkse donatie', -1_000, 'IC', 'charity'],
    ['lottery', 'Nationale Postcode Loterij', 'Lot januari', -1_500, 'IC', 'gambling'],
    ['casino', 'Holland Casino', 'Online', -2_500, null, 'gambling'],
  ] as const)('%s', (_label, counterpartyName, description, amountCents, bankCode, expected) => {
    expect(categoryOf(counterpartyName, description, amountCents, bankCode)).toBe(expected);
  });

  it('recognises the published Belastingdienst IBAN even without a name', () => {
    expect(categoriser.categorise({ counterpartyName: '', description: '', counterpartyIban: 'NL86 INGB 0002 4455 88', amountCents: -10_000 }).category).toBe('taxes');
  });

  it("treats a transfer to one of the customer's own IBANs as an own transfer", () => {
    const transaction = { counterpartyName: 'J. Jansen', description: 'Boodschappen Albert Heijn', counterpartyIban: 'NL91 ABNA 0417 1643 00', amountCents: -10_000 };
    expect(categoriser.categorise(transaction, { ownIbans: ['NL91ABNA0417164300'] })).toMatchObject({ category: 'own_transfer', ruleId: null });
    // Without the own-account match it is a transfer to a person: the shop named in the text does not make it a purchase.
    expect(categoriser.categorise(transaction, { ownIbans: ['NL02ABNA0123456789'] }).category).toBe('other');
  });
});

describe('rule sets', () => {
  const rule = (overrides: Partial<CategorisationRule>): CategorisationRule => ({
    id: 'test.rule',
    priority: 300,
    field: 'counterparty',
    pattern: String.raw`\bexample\b`,
    category: 'groceries',
    direction: 'any',
    note: 'Test rule.',
    ...overrides,
  });

  it('compiles a custom rule set and uses the rule order to break ties', () => {
    const custom = createCategoriser([
      rule({ id: 'first', pattern: String.raw`\bshop\b`, category: 'home' }),
      rule({ id: 'second', pattern: String.raw`\bshop\b`, category: 'fashion' }),
    ]);
    expect(custom.categorise({ counterpartyName: 'The Shop', amountCents: -100 })).toMatchObject({ category: 'home', ruleId: 'first' });
    expect(custom.ruleCount).toBe(2);
  });

  it('lets a higher priority win regardless of order', () => {
    const custom = createCategoriser([
      rule({ id: 'shop', pattern: String.raw`\bshop\b`, category: 'home' }),
      rule({ id: 'clinic', priority: 900, field: 'text', pattern: String.raw`\bkliniek\b`, category: 'health' }),
    ]);
    expect(custom.categorise({ counterpartyName: 'Shop Kliniek', amountCents: -100 })).toMatchObject({ category: 'health', special: true });
  });

  it('refuses an invalid rule set instead of categorising with it', () => {
    expect(() => createCategoriser([rule({ pattern: '(' })])).toThrow(InvalidRuleSetError);
    expect(() => createCategoriser([rule({ category: 'health' })])).toThrow(/special-category rules need a priority/);
  });
});
