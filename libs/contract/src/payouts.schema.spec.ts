import { describe, expect, it } from 'vitest';
import { formatIban, normaliseIban, parseEuroAmount, requestPayoutInput } from './payouts.schema';

const VALID = {
  NL: 'NL91ABNA0417164300',
  DE: 'DE89370400440532013000',
  BE: 'BE68539007547034',
};

/** Every IBAN that differs from `iban` in one digit (check digits and account number alike). */
function oneDigitTypos(iban: string): string[] {
  const typos: string[] = [];
  for (let i = 2; i < iban.length; i++) {
    const char = iban[i]!;
    if (!/\d/.test(char)) continue;
    for (let d = 0; d <= 9; d++) if (String(d) !== char) typos.push(iban.slice(0, i) + d + iban.slice(i + 1));
  }
  return typos;
}

describe('IBAN validation (ibantools)', () => {
  it('accepts valid Dutch, German and Belgian IBANs as people type them, in electronic format', () => {
    expect(normaliseIban('NL91 ABNA 0417 1643 00')).toEqual({ iban: VALID.NL });
    expect(normaliseIban(' nl91abna0417164300 ')).toEqual({ iban: VALID.NL });
    expect(normaliseIban('DE89 3704 0044 0532 0130 00')).toEqual({ iban: VALID.DE });
    expect(normaliseIban('BE68-5390-0754-7034')).toEqual({ iban: VALID.BE });
  });

  it('rejects every one-digit typo (the check digits catch it)', () => {
    for (const iban of Object.values(VALID)) {
      const typos = oneDigitTypos(iban);
      expect(typos.length).toBeGreaterThan(100);
      const accepted = typos.filter((typo) => 'iban' in normaliseIban(typo));
      expect(accepted, iban).toEqual([]);
    }
  });

  it('rejects two swapped neighbouring digits, a wrong length and a wrong country', () => {
    expect(normaliseIban('NL91ABNA0417164030')).toEqual({ problem: 'earnings:validation.ibanInvalid' });
    expect(normaliseIban('NL91ABNA041716430')).toEqual({ problem: 'earnings:validation.ibanInvalid' });
    expect(normaliseIban('XX91ABNA0417164300')).toEqual({ problem: 'earnings:validation.ibanInvalid' });
    expect(normaliseIban('')).toEqual({ problem: 'earnings:validation.ibanRequired' });
  });

  it('refuses valid IBANs outside the SEPA area, which a SEPA transfer cannot reach', () => {
    expect(normaliseIban('BR1800360305000010009795493C1')).toEqual({ problem: 'earnings:validation.ibanNotSepa' });
    expect(normaliseIban('TR330006100519786457841326')).toEqual({ problem: 'earnings:validation.ibanNotSepa' });
    expect(normaliseIban('CH9300762011623852957')).toEqual({ iban: 'CH9300762011623852957' });
  });

  it('shows an IBAN in groups of four', () => {
    expect(formatIban(VALID.NL)).toBe('NL91 ABNA 0417 1643 00');
  });

  it('the request schema stores the electronic format and names the field of each problem', () => {
    const ok = requestPayoutInput.parse({ amount: 1250, iban: 'nl91 abna 0417 1643 00', accountHolder: '  E. Jansen ' });
    expect(ok).toEqual({ amount: 1250, iban: VALID.NL, accountHolder: 'E. Jansen' });
    expect(requestPayoutInput.parse({ amount: 'all', iban: VALID.BE, accountHolder: 'Eva' }).amount).toBe('all');
    const bad = requestPayoutInput.safeParse({ amount: 0, iban: 'NL91ABNA0417164301', accountHolder: ' ' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['amount', 'earnings:validation.amountInvalid'],
      ['iban', 'earnings:validation.ibanInvalid'],
      ['accountHolder', 'earnings:validation.holderRequired'],
    ]);
  });
});

describe('euro amounts typed in the payout form', () => {
  it('reads Dutch and English notation into cents', () => {
    expect(parseEuroAmount('12,50')).toBe(1250);
    expect(parseEuroAmount('12.5')).toBe(1250);
    expect(parseEuroAmount('€ 10')).toBe(1000);
    expect(parseEuroAmount('0,01')).toBe(1);
  });

  it('refuses anything else', () => {
    for (const text of ['', '0', '0,00', '-5', '12,345', '1.000,00', 'tien', '12,5,0']) expect(parseEuroAmount(text), text).toBeNull();
  });
});
