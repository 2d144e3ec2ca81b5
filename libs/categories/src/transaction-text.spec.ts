import { describe, expect, it } from 'vitest';
import { merchantFromDescription, normaliseBankCode, normaliseIban, normaliseMerchant, normaliseText, transactionText } from './transaction-text';

describe('normalising bank text', () => {
  it.each([
    ['Bol.com B.V.', 'bol com b v'],
    ["McDonald's", 'mcdonalds'],
    ['Café Élysée', 'cafe elysee'],
    ['Coöperatieve Rabobank U.A.', 'cooperatieve rabobank u a'],
    ['H&M', 'h&m'],
    ['Disney+', 'disney+'],
    ['  NS   GROEP\tIZ ', 'ns groep iz'],
    ['', ''],
  ])('normaliseText(%j) is %j', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it.each([
    ['ALBERT HEIJN 1403 AMSTERDAM', 'albert heijn'],
    ['AH to go 5678', 'ah to go'],
    ['AH to go 5678 Amsterdam CS', 'ah to go'],
    ['DIRK 1234 DEN HAAG', 'dirk'],
    ['Zalando SE', 'zalando'],
    ['Zilveren Kruis Zorgverzekeringen NV', 'zilveren kruis zorgverzekeringen'],
    ['bol.com b.v.', 'bol com'],
    ['Thuisbezorgd.nl via Adyen', 'thuisbezorgd'],
    ['SumUp *Bakkerij Jansen', 'bakkerij jansen'],
    ['CCV*Koffiebar De Hoek', 'koffiebar de hoek'],
    ['Amsterdam', 'amsterdam'],
    ['Tele2 Nederland B.V.', 'tele2'],
  ])('normaliseMerchant(%j) is %j', (input, expected) => {
    expect(normaliseMerchant(input)).toBe(expected);
  });

  it('normalises IBANs and bank codes', () => {
    expect(normaliseIban('nl86 ingb 0002 4455 88')).toBe('NL86INGB0002445588');
    expect(normaliseBankCode(' GM ')).toBe('gm');
    expect(normaliseIban(null)).toBe('');
  });

  it('caps very long input', () => {
    expect(normaliseText('a'.repeat(10_000)).length).toBe(512);
  });
});

describe('finding the merchant inside a description', () => {
  it.each([
    ['ABN AMRO old card line', 'BEA   NR:XXXX 30.12.21/09.15 ALBERT HEIJN 1234,PAS123', 'ALBERT HEIJN 1234'],
    ['ABN AMRO old card line with padding', 'BEA   NR:A1B23C   30.12.21/09.15 Hema EV123,PAS123               ZAANDAM', 'Hema EV123'],
    ['ABN AMRO new card line', 'BEA, Betaalpas                   IKEA Amsterdam,PAS123           NR:0ABC0D, 13.02.23/14:37        AMSTERDAM', 'IKEA Amsterdam'],
    ['ABN AMRO Google Pay', 'BEA, Google Pay                  SumUp  *European Fooba,PAS456   NR:01234567, 20.12.23/11:59      Gateshead', 'SumUp  *European Fooba'],
    ['ABN AMRO ATM', 'GEA, Betaalpas                   Geldmaat Somewhere 22,PAS123    NR:012345, 12.02.23/17:55', 'Geldmaat Somewhere 22'],
    ['structured SEPA', '/TRTP/SEPA Incasso algemeen doorlopend/CSID/NL00ZZZ123456789012/NAME/Albert Heijn B.V./MARF/AH0123/REMI/Foo', 'Albert Heijn B.V.'],
    ['labelled ING line', 'Naam: Vattenfall Klantenservice N.V. Omschrijving: Termijnbedrag IBAN: NL12INGB0001234567', 'Vattenfall Klantenservice N.V.'],
    ['labels glued together by padding', 'Naam: NETFLIX INTERNATIONAL B.V.Machtiging: DD-0123', 'NETFLIX INTERNATIONAL B.V.'],
  ])('%s', (_label, description, expected) => {
    expect(merchantFromDescription(description)).toBe(expected);
  });

  it('finds nothing in a plain description', () => {
    expect(merchantFromDescription('Terugbetaling etentje')).toBeNull();
    expect(merchantFromDescription(null)).toBeNull();
  });

  it('uses the description as a merchant when a payment provider is the counterparty', () => {
    const text = transactionText({ counterpartyName: 'Stichting Mollie Payments', description: 'M123 Bestelling 998 Zalando' });
    expect(text.counterparty).toEqual(['stichting mollie payments', 'm123 bestelling 998 zalando']);
    expect(transactionText({ counterpartyName: 'J. Jansen', description: 'Zalando' }).counterparty).toEqual(['j jansen']);
  });

  it('joins counterparty and description for text rules', () => {
    expect(transactionText({ counterpartyName: 'D66', description: 'Lidmaatschap 2024' }).text).toBe('d66 | lidmaatschap 2024');
    expect(transactionText({ counterpartyName: null, description: 'Lidmaatschap' }).text).toBe('lidmaatschap');
  });
});
