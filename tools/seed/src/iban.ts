import { hashUint32 } from './prng';

/** Bank identifiers that appear in Dutch IBANs, weighted roughly by market share. */
export const NL_BANK_CODES = ['INGB', 'INGB', 'INGB', 'RABO', 'RABO', 'RABO', 'ABNA', 'ABNA', 'SNSB', 'ASNB', 'TRIO', 'KNAB', 'BUNQ', 'RBRB'] as const;

/** ISO 7064 mod 97-10 over an alphanumeric string (A = 10 … Z = 35), digit by digit. */
export function mod97(text: string): number {
  let rest = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) rest = (rest * 10 + (code - 48)) % 97;
    else if (code >= 65 && code <= 90) rest = (rest * 100 + (code - 55)) % 97;
    else throw new RangeError(`not an IBAN character: ${text[i]}`);
  }
  return rest;
}

/** A Dutch IBAN: NLkk BBBB 0123456789, with check digits kk computed as ISO 13616 prescribes. */
export function nlIban(bankCode: string, accountNumber: string): string {
  if (!/^[A-Z]{4}$/.test(bankCode) || !/^\d{10}$/.test(accountNumber)) throw new RangeError('NL IBAN needs a 4-letter bank code and 10 digits');
  const check = 98 - mod97(`${bankCode}${accountNumber}NL00`);
  return `NL${String(check).padStart(2, '0')}${bankCode}${accountNumber}`;
}

export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  if (compact.startsWith('NL') && compact.length !== 18) return false;
  return mod97(`${compact.slice(4)}${compact.slice(0, 4)}`) === 1;
}

const ibanCache = new Map<string, string>();

/** The same counterparty always has the same account: a stable IBAN derived from its name. */
export function ibanFor(...key: (string | number)[]): string {
  const cacheKey = key.join('|');
  const cached = ibanCache.get(cacheKey);
  if (cached) return cached;
  const bank = NL_BANK_CODES[hashUint32('bank', cacheKey) % NL_BANK_CODES.length] as string;
  const account = `${String(hashUint32('acct-hi', cacheKey) % 100_000).padStart(5, '0')}${String(hashUint32('acct-lo', cacheKey) % 100_000).padStart(5, '0')}`;
  const iban = nlIban(bank, account);
  // Customer-specific keys (a parent paying pocket money) would grow this without bound.
  if (ibanCache.size < 20_000) ibanCache.set(cacheKey, iban);
  return iban;
}

/**
 * A SEPA creditor identifier as Dutch collectors have them: NLkkZZZ + KvK number + 0000, with
 * check digits computed like an IBAN's over the part after the business code.
 */
export function creditorId(kvkNumber: string): string {
  const national = `${kvkNumber}0000`;
  const check = 98 - mod97(`${national}NL00`);
  return `NL${String(check).padStart(2, '0')}ZZZ${national}`;
}
