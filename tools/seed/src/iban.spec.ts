import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NL_BANK_CODES, creditorId, ibanFor, isValidIban, mod97, nlIban } from './iban';

describe('nlIban', () => {
  it('computes the check digits of the published example', () => {
    expect(nlIban('ABNA', '0417164300')).toBe('NL91ABNA0417164300');
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
    expect(isValidIban('NL91ABNA041716430')).toBe(false);
  });

  it('always yields a valid IBAN that catches any single changed digit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NL_BANK_CODES), fc.stringMatching(/^\d{10}$/), fc.nat(9), fc.integer({ min: 1, max: 9 }), (bank, account, pos, delta) => {
        const iban = nlIban(bank, account);
        expect(iban).toMatch(/^NL\d{2}[A-Z]{4}\d{10}$/);
        expect(isValidIban(iban)).toBe(true);
        const digit = Number(account[pos]);
        const changed = `${account.slice(0, pos)}${(digit + delta) % 10}${account.slice(pos + 1)}`;
        expect(isValidIban(`${iban.slice(0, 8)}${changed}`)).toBe(false);
      }),
    );
  });

  it('gives one counterparty one account', () => {
    expect(ibanFor('Vattenfall Klantenservice N.V.')).toBe(ibanFor('Vattenfall Klantenservice N.V.'));
    expect(ibanFor('Vattenfall Klantenservice N.V.')).not.toBe(ibanFor('Eneco Consumenten B.V.'));
  });

  it('builds SEPA creditor ids whose check digits verify like an IBAN', () => {
    const id = creditorId('12345678');
    expect(id).toMatch(/^NL\d{2}ZZZ123456780000$/);
    expect(mod97(`123456780000NL${id.slice(2, 4)}`)).toBe(1);
  });
});
