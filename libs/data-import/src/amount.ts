/**
 * Amounts become integers in the currency's minor unit straight from the digits, never through a float:
 * `Number('0.1') * 100` style arithmetic loses cents on ordinary amounts.
 */

/** ISO 4217 minor-unit exponents that differ from the usual 2. */
const EXPONENT_BY_CURRENCY: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0,
  VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

export function minorUnitExponent(currency: string): number {
  return EXPONENT_BY_CURRENCY[currency] ?? 2;
}

export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value);
}

/**
 * `nl`: decimal comma, optional `.` thousands groups (`1.987,55`, `-337,49`, `+5257,28`), as Dutch bank CSVs write them.
 * `xml`: ISO 20022 / xs:decimal (`1987.55`), no grouping.
 */
export type AmountNotation = 'nl' | 'xml';

export type AmountResult =
  | { ok: true; minor: number; signed: boolean }
  | { ok: false; reason: 'format' | 'precision' | 'range' };

const NL_PATTERN = /^([+-])?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
const XML_PATTERN = /^([+-])?(\d*)(?:\.(\d*))?$/;

export function parseAmount(raw: string, notation: AmountNotation, exponent: number): AmountResult {
  const match = (notation === 'nl' ? NL_PATTERN : XML_PATTERN).exec(raw.trim());
  if (!match) return { ok: false, reason: 'format' };
  const [, sign, wholeRaw = '', fractionRaw = ''] = match;
  const whole = notation === 'nl' ? wholeRaw.replaceAll('.', '') : wholeRaw;
  if (whole === '' && fractionRaw === '') return { ok: false, reason: 'format' };
  // Digits beyond the currency's precision are only acceptable when they are zeros (`1000.00` yen).
  if (fractionRaw.length > exponent && /[^0]/.test(fractionRaw.slice(exponent))) return { ok: false, reason: 'precision' };
  const fraction = fractionRaw.slice(0, exponent).padEnd(exponent, '0');
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return { ok: false, reason: 'range' };
  const magnitude = Number(digits === '' ? '0' : digits);
  // `|| 0` turns -0 into 0, so a zero amount compares equal however it was written.
  return { ok: true, minor: (sign === '-' ? -magnitude : magnitude) || 0, signed: sign !== undefined };
}
