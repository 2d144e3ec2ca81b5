import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dutchIbanFromAccountNumber, ibanOrNull, isValidIban } from './iban';

describe('IBAN helpers', () => {
  it('checks mod-97 check digits', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('NL92ABNA0417164300')).toBe(false);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
  });

  it("derives ABN AMRO's IBAN from the old account number the TAB export prints", () => {
    expect(dutchIbanFromAccountNumber('ABNA', '417164300')).toBe('NL91ABNA0417164300');
    expect(isValidIban(dutchIbanFromAccountNumber('ABNA', '562981204'))).toBe(true);
  });

  it('keeps only values shaped like an IBAN as counterparty IBANs', () => {
    expect(ibanOrNull(' nl20 ingb 0001 2345 67 ')).toBe('NL20INGB0001234567');
    expect(ibanOrNull('P 1234567')).toBeNull();
    expect(ibanOrNull(' ')).toBeNull();
    expect(ibanOrNull(undefined)).toBeNull();
  });

  it('every IBAN in the fixtures has valid check digits', () => {
    const root = fileURLToPath(new URL('../fixtures', import.meta.url));
    const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const ibans = new Set<string>();
    for (const file of files) {
      const text = readFileSync(join(file.parentPath, file.name), 'latin1');
      for (const match of text.matchAll(/\b(?:NL\d{2}[A-Z]{4}\d{10}|DE\d{20}|BE\d{14})\b/g)) ibans.add(match[0]);
    }
    expect(ibans.size).toBeGreaterThan(15);
    expect([...ibans].filter((iban) => !isValidIban(iban))).toEqual([]);
  });
});
