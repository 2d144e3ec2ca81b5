/** Upper case without spaces: banks print IBANs grouped by four, exports usually do not. */
export function normaliseIban(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** Shape only. Exports carry what the bank booked, so a bad checksum is not ours to reject. */
export function looksLikeIban(normalised: string): boolean {
  return IBAN_SHAPE.test(normalised);
}

/** The counterparty column holds an IBAN, an old domestic number or nothing; only IBANs are kept. */
export function ibanOrNull(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const normalised = normaliseIban(raw);
  return looksLikeIban(normalised) ? normalised : null;
}

function mod97(digits: string): number {
  // Chunked so the number never exceeds what a double holds exactly.
  let remainder = 0;
  for (let i = 0; i < digits.length; i += 7) remainder = Number(`${remainder}${digits.slice(i, i + 7)}`) % 97;
  return remainder;
}

function numeric(iban: string): string {
  return (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
}

/** ISO 13616 mod-97 check. */
export function isValidIban(raw: string): boolean {
  const iban = normaliseIban(raw);
  return looksLikeIban(iban) && mod97(numeric(iban)) === 1;
}

/**
 * Dutch IBANs were derived from the old account numbers: `NLkk` + bank code + the number padded to 10 digits.
 * ABN AMRO's TAB export still prints the old number; converting it lets a TAB and a CAMT upload of the same
 * account agree on the account.
 */
export function dutchIbanFromAccountNumber(bankCode: string, accountNumber: string): string {
  const bban = `${bankCode}${accountNumber.padStart(10, '0')}`;
  const check = 98 - mod97(numeric(`NL00${bban}`));
  return `NL${String(check).padStart(2, '0')}${bban}`;
}
