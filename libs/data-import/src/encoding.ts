/**
 * Dutch banks export UTF-8 (with or without BOM) or Windows-1252, and say neither. Valid UTF-8 is almost never
 * accidental for text with accents, so strict UTF-8 first and Windows-1252 as the fallback decides reliably.
 */
export type StatementEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: StatementEncoding;
  /** The text was UTF-8 that someone had opened as Windows-1252 and saved again (`initiÃ«rende`); we undid that. */
  repairedMojibake: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Windows-1252 differs from ISO-8859-1 only in 0x80–0x9F (€, curly quotes, Š, …). Mapped by hand because some
 * Node versions decode the 'windows-1252' label as plain Latin-1 and turn € into a control character.
 */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function charOfWindows1252(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
}

function decodeWindows1252(bytes: Uint8Array): string {
  // latin1 maps every byte to the code point of the same value; only 0x80–0x9F need replacing.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009F]/g, (char) => charOfWindows1252(char.charCodeAt(0)));
}

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

export function decodeStatementBytes(bytes: Buffer): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return finish(strictOrLatin(bytes.subarray(3)));
  // Spreadsheet programs save "Unicode text" as UTF-16 with a BOM; cheap to accept.
  if (startsWith(bytes, [0xff, 0xfe])) return finish({ text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' });
  if (startsWith(bytes, [0xfe, 0xff])) return finish({ text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' });
  return finish(strictOrLatin(bytes));
}

function strictOrLatin(bytes: Buffer): { text: string; encoding: StatementEncoding } {
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // ISO-8859-1 is a subset of Windows-1252 for printable text, so one decoder covers both.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

function finish(decoded: { text: string; encoding: StatementEncoding }): DecodedText {
  const repaired = repairMojibake(decoded.text);
  const text = (repaired ?? decoded.text).replace(/^\uFEFF/, '');
  return { text, encoding: decoded.encoding, repairedMojibake: repaired !== null };
}

/** `Ã«`, `Ã©`, `Â `, `â‚¬`: the traces UTF-8 leaves when read as Windows-1252. */
const MOJIBAKE_MARKER = /\u00C3[\u0080-\u00BF\u0152-\u2122]|\u00C2[\u00A0-\u00BF]|\u00E2\u201A\u00AC|^\u00EF\u00BB\u00BF/;

let byteOfChar: Map<number, number> | undefined;

function windows1252Bytes(): Map<number, number> {
  if (!byteOfChar) {
    byteOfChar = new Map();
    for (let byte = 0; byte < 256; byte += 1) byteOfChar.set(charOfWindows1252(byte).charCodeAt(0), byte);
  }
  return byteOfChar;
}

/**
 * Undoes one round of UTF-8-read-as-Windows-1252, but only when the whole text maps back to bytes that are valid
 * UTF-8: a genuine Windows-1252 text with an accent fails that test, so it is never "repaired" into nonsense.
 */
export function repairMojibake(text: string): string | null {
  if (!MOJIBAKE_MARKER.test(text)) return null;
  const table = windows1252Bytes();
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const byte = table.get(text.charCodeAt(i));
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}
