import { describe, expect, it } from 'vitest';
import { createCategoriser, type TransactionToCategorise } from './categoriser';
import { isSellable, SPECIAL_CATEGORIES, type CategoryCode } from './category.catalogue';

const categoriser = createCategoriser();
const debit = (counterpartyName: string, description = ''): TransactionToCategorise => ({ counterpartyName, description, amountCents: -2_500 });

const SPECIAL_CASES: [string, TransactionToCategorise, CategoryCode][] = [
  // Health.
  ['health insurer', debit('Zilveren Kruis Zorgverzekeringen NV', 'Premie januari 2024'), 'health'],
  ['CZ with a companion word', debit('CZ groep Zorgverzekeraar', 'Premie'), 'health'],
  ['VGZ', debit('Coöperatie VGZ U.A.', 'Premie'), 'health'],
  ['Menzis', debit('Menzis Zorgverzekeraar N.V.', 'Premie'), 'health'],
  ['ONVZ', debit('ONVZ Ziektekostenverzekeraar', 'Premie'), 'health'],
  ['DSW', debit('DSW Zorgverzekeraar', 'Premie'), 'health'],
  ['a.s.r. ziektekosten', debit('a.s.r. ziektekosten', 'Premie'), 'health'],
  ['Univé Zorg', debit('Univé Zorg N.V.', 'Premie'), 'health'],
  ['OHRA zorg', debit('OHRA Zorgverzekeringen', 'Premie'), 'health'],
  ['Interpolis zorg', debit('Interpolis Zorg', 'Premie'), 'health'],
  ['pharmacy', debit('Apotheek De Vijzel'), 'health'],
  ['GP practice', debit('Huisartsenpraktijk Centrum'), 'health'],
  ['hospital', debit('Ziekenhuis Gelderse Vallei', 'Nota 123'), 'health'],
  ['UMC', debit('UMC Utrecht', 'Eigen bijdrage'), 'health'],
  ['dentist', debit('Tandartspraktijk Smile', 'Nota 445'), 'health'],
  ['physiotherapy', debit('Fysiotherapie Oost', 'Behandeling'), 'health'],
  ['mental health care', debit('GGZ inGeest', 'Eigen bijdrage'), 'health'],
  ['psychologist', debit('Psychologenpraktijk Vermeer', 'Sessie'), 'health'],
  ['CAK contribution', debit('CAK', 'Eigen bijdrage Wmo'), 'health'],
  ['disability benefit outranks benefits', { counterpartyName: 'UWV', description: 'Uitkering WIA december', amountCents: 145_000 }, 'health'],
  ['health deductible', debit('Zorgverzekeraar', 'Eigen risico 2024'), 'health'],
  ['optician', debit('Specsavers Utrecht'), 'health'],
  // Religion.
  ['church contribution', debit('Stichting Kerkbalans Parochie H. Jozef', 'Kerkbalans 2024'), 'religion'],
  ['protestant congregation', debit('Protestantse Gemeente Utrecht', 'Vaste vrijwillige bijdrage'), 'religion'],
  ['PKN', debit('PKN Amersfoort'), 'religion'],
  ['mosque', debit('Stichting Moskee Al Fourqaan', 'Donatie'), 'religion'],
  ['synagogue', debit('Joodse Gemeente Amsterdam', 'Bijdrage'), 'religion'],
  ['diaconal fund', debit('Diaconie Hervormde Gemeente', 'Collecte'), 'religion'],
  ['Salvation Army donation', debit('Leger des Heils', 'Donatie'), 'religion'],
  // Politics.
  ['D66 membership', debit('D66 Lidmaatschap'), 'politics'],
  ['VVD with contribution in description', debit('VVD', 'Contributie 2024'), 'politics'],
  ['SP contribution', debit('SP', 'Contributie januari'), 'politics'],
  ['GroenLinks by name', debit('GroenLinks', 'Gift'), 'politics'],
  ['ChristenUnie by name', debit('ChristenUnie', 'Lidnummer 12345'), 'politics'],
  ['Partij voor de Dieren by name', debit('Partij voor de Dieren'), 'politics'],
  ['BBB membership', debit('BBB', 'Lidmaatschap 2024'), 'politics'],
  ['Volt membership', debit('Volt Nederland'), 'politics'],
  ['DENK donation', debit('DENK', 'Donatie verkiezingen'), 'politics'],
  // Trade unions.
  ['FNV', debit('FNV contributie'), 'trade_union'],
  ['CNV', debit('CNV Vakmensen', 'Contributie'), 'trade_union'],
  ['De Unie', debit('Vakbond De Unie', 'Contributie'), 'trade_union'],
  ['VCP', debit('VCP', 'Contributie'), 'trade_union'],
  ['AVV union', debit('AVV Alternatief Voor Vakbond', 'Lidmaatschap'), 'trade_union'],
  ['AOb', debit('AOb Algemene Onderwijsbond', 'Contributie'), 'trade_union'],
  // Sexual life and dating.
  ['Tinder', debit('Tinder'), 'sexual_life'],
  ['Tinder through Google', debit('GOOGLE *Tinder', ''), 'sexual_life'],
  ['Bumble', debit('Bumble Holding'), 'sexual_life'],
  ['Grindr', debit('Grindr LLC'), 'sexual_life'],
  ['Happn', debit('happn SAS'), 'sexual_life'],
  ['Lexa', debit('Lexa.nl'), 'sexual_life'],
  ['Parship', debit('Parship', 'Premium'), 'sexual_life'],
  ['e-Matching', debit('e-Matching.nl'), 'sexual_life'],
  ['Relatieplanet', debit('Relatieplanet'), 'sexual_life'],
  ['Christine le Duc', debit('Christine le Duc'), 'sexual_life'],
  ['EasyToys', debit('EasyToys.nl'), 'sexual_life'],
  // Pregnancy and baby.
  ['Prenatal', debit('Prenatal Utrecht'), 'pregnancy_baby'],
  ['Babydump', debit('Baby-Dump Barendrecht'), 'pregnancy_baby'],
  ['Babypark', debit('Babypark Amsterdam'), 'pregnancy_baby'],
  ['maternity care', debit('Kraamzorg Het Groene Kruis', 'Eigen bijdrage kraamzorg'), 'pregnancy_baby'],
  ['midwife outranks health', debit('Verloskundigenpraktijk De Wieg', 'Echo'), 'pregnancy_baby'],
  ['pregnancy course', debit('Yoga Studio', 'Zwangerschapsyoga 10 lessen'), 'pregnancy_baby'],
  ['Nutrilon direct', debit('Nutrilon Nederland'), 'pregnancy_baby'],
  ['Pampers subscription', debit('Pampers Abonnement'), 'pregnancy_baby'],
];

describe('special categories and the protected life event', () => {
  it.each(SPECIAL_CASES)('%s', (_label, transaction, expected) => {
    const result = categoriser.categorise(transaction);
    expect(result.category).toBe(expected);
    expect(result.special).toBe(true);
    expect(result.protectedLifeEvent).toBe(expected === 'pregnancy_baby');
    expect(isSellable(result.category)).toBe(false);
  });

  it('recognises every special category at least once in the examples', () => {
    const seen = new Set(SPECIAL_CASES.map(([, , category]) => category));
    for (const category of SPECIAL_CATEGORIES) expect(seen).toContain(category);
  });
});

describe('precedence: special beats sellable', () => {
  it.each([
    ['Etos is a drugstore', debit('ETOS 7788 UTRECHT'), 'drugstore'],
    ['"Apotheek" in "Etos Apotheek" is health', debit('Etos Apotheek Utrecht'), 'health'],
    ['Kruidvat is a drugstore', debit('Kruidvat 1234'), 'drugstore'],
    ['a pharmacy named inside a Kruidvat line is health', debit('Kruidvat Apotheek 1234'), 'health'],
    ['Prenatal is baby even though it sells toys', debit('Prenatal Speelgoed'), 'pregnancy_baby'],
    ['an optician at a department store is health', debit('HEMA Opticien'), 'health'],
    ['a church café is religion', debit('Café De Kerk', 'Kerkdienst koffie'), 'religion'],
    ['a salary from a hospital is health, never sold', { counterpartyName: 'UMC Utrecht', description: 'Salaris november', amountCents: 310_000 }, 'health'],
  ] as const)('%s', (_label, transaction, expected) => {
    expect(categoriser.categorise(transaction).category).toBe(expected);
  });

  it('a vet is not health: "dierenziekenhuis" and "dierenapotheek" stay with pets', () => {
    expect(categoriser.categorise(debit('Dierenziekenhuis Amsterdam')).category).toBe('pets');
    expect(categoriser.categorise(debit('MedPets Dierenapotheek')).category).toBe('pets');
  });

  it('does not read a party or union into unrelated letters', () => {
    expect(categoriser.categorise(debit('SP Sportschool Noord')).category).toBe('sport');
    expect(categoriser.categorise(debit('Spar City Leiden')).category).toBe('groceries');
    expect(categoriser.categorise(debit('Volt Elektrotechniek', 'Factuur 230 volt groep')).category).not.toBe('politics');
    expect(categoriser.categorise(debit('Café De Unie Rotterdam')).category).toBe('dining');
    expect(categoriser.categorise(debit('Pabo Hogeschool', 'Collegegeld')).category).not.toBe('sexual_life');
  });

  it('keeps ambiguous union names on the safe side when a membership word is present', () => {
    expect(categoriser.categorise(debit('AVV Swift', 'Contributie 2024')).category).toBe('trade_union');
  });
});
