import { describe, expect, it } from 'vitest';
import { dedupeKeys } from './dedupe-key';
import { parseStatement } from './parse-statement';

const ROWS = 50_000;

/** A year of a very busy account; the test checks correctness only, timing is measured by hand. */
function bigIngExport(): { bytes: Buffer; expectedSum: number } {
  const lines = ['"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen";"Saldo na mutatie";"Tag"'];
  let expectedSum = 0;
  for (let i = 0; i < ROWS; i += 1) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const cents = 1 + ((i * 7919) % 250_000);
    const credit = i % 5 === 0;
    expectedSum += credit ? cents : -cents;
    const euros = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    const amount = `${euros},${String(cents % 100).padStart(2, '0')}`;
    lines.push(
      `"2024${String(1 + (i % 12)).padStart(2, '0')}${day}";"Albert Heijn ${i % 900}";"NL20INGB0001234567";"NL21RABO0302461876";"BA";"${credit ? 'Bij' : 'Af'}";"${amount}";"Betaalautomaat";` +
        `"Naam: Albert Heijn Omschrijving: Boodschappen ${i} IBAN: NL21RABO0302461876 Kenmerk: ${i} Valutadatum: ${day}-03-2024";"1.234,56";""`,
    );
  }
  return { bytes: Buffer.from(lines.join('\r\n'), 'utf8'), expectedSum };
}

describe('a 50,000-row ING export', () => {
  it('parses every row with the exact total', () => {
    const { bytes, expectedSum } = bigIngExport();
    const statement = parseStatement({ name: 'big.csv', bytes });
    expect(statement.transactions).toHaveLength(ROWS);
    expect(statement.transactions.reduce((sum, tx) => sum + tx.amountCents, 0)).toBe(expectedSum);
    expect(statement.transactions[ROWS - 1]).toMatchObject({ line: ROWS + 1, description: `Boodschappen ${ROWS - 1}` });
    expect(new Set(dedupeKeys(statement)).size).toBe(ROWS);
  });
});
