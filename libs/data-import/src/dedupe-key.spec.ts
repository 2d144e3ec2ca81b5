import { describe, expect, it } from 'vitest';
import { createDedupeKeyer, dedupeKey, dedupeKeys } from './dedupe-key';
import type { ParsedStatement, ParsedTransaction } from './statement.types';
import { fixtureFile, parseFixture, parseText } from './testing/fixtures';

/** What an import would add, given the keys already stored. */
function newKeys(stored: Set<string>, statement: ParsedStatement): string[] {
  return dedupeKeys(statement).filter((key) => !stored.has(key));
}

const coffee: ParsedTransaction = {
  line: 3,
  account: 'NL20INGB0001234567',
  bookedOn: '2024-03-14',
  amountCents: -320,
  currency: 'EUR',
  counterpartyName: 'Coffee Company Neude',
  counterpartyIban: null,
  description: 'Apple Pay Valutadatum: 14-03-2024',
  bankCode: 'BA',
  sourceRef: null,
  endToEndId: null,
  reversal: false,
};

describe('dedupeKeys', () => {
  it('gives the same keys when the same file is parsed twice', () => {
    for (const path of ['ing/ing-current-comma.csv', 'rabobank/rabobank.csv', 'abn-amro/TXT240402093015.TAB', 'camt053/camt053-v02-batch-and-reversal.xml']) {
      expect(dedupeKeys(parseFixture(path))).toEqual(dedupeKeys(parseFixture(path)));
    }
  });

  it('gives every row of a file its own key, including two identical coffees on one day', () => {
    for (const path of ['ing/ing-current-comma.csv', 'ing/ing-overlap-2024-03-10-to-31.csv', 'camt053/camt053-v04-prefixed-multi-currency.xml']) {
      const keys = dedupeKeys(parseFixture(path));
      expect(new Set(keys).size).toBe(keys.length);
    }
    const statement = parseFixture('ing/ing-current-comma.csv');
    const [first, second] = statement.transactions.filter((tx) => tx.counterpartyName === 'Café de Jaren');
    expect({ ...first, line: 0 }).toEqual({ ...second, line: 0 });
    expect(dedupeKey(null, first!, 0)).not.toBe(dedupeKey(null, second!, 1));
  });

  it('adds only the new rows of an overlapping export', () => {
    const march1to15 = parseFixture('ing/ing-overlap-2024-03-01-to-15.csv');
    const march10to31 = parseFixture('ing/ing-overlap-2024-03-10-to-31.csv');
    const stored = new Set(dedupeKeys(march1to15));
    const added = newKeys(stored, march10to31);
    // 10 rows in the second export, 6 of them on the shared days 10–15 March (two identical coffees on the 14th).
    expect(added).toHaveLength(4);
    for (const key of added) stored.add(key);
    expect(stored.size).toBe(13);
    expect(newKeys(stored, march1to15)).toEqual([]);
    expect(newKeys(stored, march10to31)).toEqual([]);
  });

  it('adds a second identical coffee that appears in a later export of the same day', () => {
    const { bytes } = fixtureFile('ing/ing-overlap-2024-03-01-to-15.csv');
    const lines = bytes.toString('utf8').split('\n');
    const firstCoffee = lines.findIndex((line) => line.includes('Coffee Company Neude') && line.startsWith('"20240314"'));
    const exportedAtNoon = parseText(lines.filter((_, i) => i !== firstCoffee).join('\n'));
    const stored = new Set(dedupeKeys(exportedAtNoon));
    expect(newKeys(stored, parseFixture('ing/ing-overlap-2024-03-01-to-15.csv'))).toHaveLength(1);
  });

  it('is not fooled by re-wrapped text, case or accents', () => {
    const rewrapped = { ...coffee, counterpartyName: 'COFFEE COMPANY  NEUDE', description: 'Apple  Pay Valuta datum: 14-03-2024' };
    expect(dedupeKey(null, rewrapped, 0)).toBe(dedupeKey(null, coffee, 0));
    expect(dedupeKey(null, { ...coffee, counterpartyName: 'Cafe Neude' }, 0)).toBe(dedupeKey(null, { ...coffee, counterpartyName: 'Café Neude' }, 0));
  });

  it('tells apart different accounts, days, amounts and counterparties', () => {
    const base = dedupeKey(null, coffee, 0);
    expect(dedupeKey('NL36INGB0007654321', coffee, 0)).not.toBe(base);
    expect(dedupeKey(null, { ...coffee, bookedOn: '2024-03-15' }, 0)).not.toBe(base);
    expect(dedupeKey(null, { ...coffee, amountCents: -330 }, 0)).not.toBe(base);
    expect(dedupeKey(null, { ...coffee, counterpartyIban: 'NL42ASNB0708114277' }, 0)).not.toBe(base);
  });

  it('prefers the bank reference: other fields may differ between exports, the reference does not', () => {
    const withRef = { ...coffee, sourceRef: '000000000000004130' };
    expect(dedupeKey(null, { ...withRef, description: 'a different text' }, 0)).toBe(dedupeKey(null, withRef, 0));
    expect(dedupeKey(null, { ...withRef, sourceRef: '000000000000004131' }, 0)).not.toBe(dedupeKey(null, withRef, 0));
  });

  it('depends on the row, not on the format it came from', () => {
    // The fixtures give the Rabobank CAMT entries the CSV's Volgnr as AcctSvcrRef; where a bank does that, a CSV and a
    // CAMT upload of the same days deduplicate against each other.
    const csv = new Set(dedupeKeys(parseFixture('rabobank/rabobank.csv')));
    const camtKeys = dedupeKeys(parseFixture('camt053/camt053-rabobank-daily-statements.xml'));
    expect(camtKeys.every((key) => /^[0-9a-f]{64}$/.test(key))).toBe(true);
    expect(camtKeys.filter((key) => csv.has(key))).toHaveLength(4);
  });
});

describe('stored keys', () => {
  it('stay the same for plain ASCII and for accented text, so a re-upload after an upgrade adds nothing twice', () => {
    const cafe = { ...coffee, counterpartyName: 'Café Ñoño Zoë', description: 'Crème brûlée ﬁ ① Ⅻ' };
    const statement: ParsedStatement = { format: 'ing-csv', accountIban: null, transactions: [coffee, cafe, coffee] };
    // Computed once by the first implementation; a change here re-imports every stored row.
    expect(dedupeKeys(statement)).toEqual([
      '532dcc8f5b0249ce6f9a477fd69a4669248f13d3130ed2419322e95a677ab3d0',
      '95d4b8e5494705364e3a78eacabfeaae8b9d2cbd6af953606948307d1bab6cee',
      '1e75e92b4cb2aa2f7917da24db5c950683ca2e798942f0f3fa2a87edc6d3c208',
    ]);
    expect(createDedupeKeyer()(coffee)).toBe(dedupeKeys(statement)[0]);
  });
});
