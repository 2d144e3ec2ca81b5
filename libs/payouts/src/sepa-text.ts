/**
 * The SEPA character set (EPC guidelines): Latin letters, digits, `/ - ? : ( ) . , ' +` and space.
 * Banks refuse or mangle anything else, so names and texts are transliterated before they go
 * into a file: "Zoë Çelik-Ørsted" becomes "Zoe Celik-Orsted".
 */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  '&': '+',
  '’': "'",
  '‘': "'",
  '`': "'",
  '´': "'",
  '“': "'",
  '”': "'",
  '"': "'",
  '–': '-',
  '—': '-',
  _: '-',
};

const ALLOWED = /[A-Za-z0-9/\-?:().,'+ ]/;

/** Transliterates to the SEPA character set, collapses white space and cuts at `max` characters. */
export function toSepaText(text: string, max: number): string {
  let out = '';
  for (const char of text.normalize('NFD')) {
    if (/\p{M}/u.test(char)) continue;
    const mapped = SPECIAL[char] ?? char;
    // Letters of other scripts cannot be transliterated here: dropped, so a name made only of them is refused.
    for (const c of mapped) out += ALLOWED.test(c) ? c : /\s/.test(c) ? ' ' : /\p{L}/u.test(c) ? '' : '.';
  }
  return out.replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

/** True when every character is in the SEPA set. */
export function isSepaText(text: string): boolean {
  return [...text].every((c) => ALLOWED.test(c));
}

/** Integer cents as the decimal amount of an ISO 20022 file: 1250 → "12.50", 5 → "0.05". */
export function centsToDecimal(cents: number | bigint): string {
  const value = BigInt(cents);
  if (value < 0n) throw new RangeError('An instructed amount is never negative.');
  return `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
}

/** "12.50" → 1250; refuses anything with more than two decimals, so a file is read back exactly. */
export function decimalToCents(text: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not an amount with at most two decimals.`);
  return Number(BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0')));
}
