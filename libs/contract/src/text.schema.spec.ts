import { describe, expect, it } from 'vitest';
import { calendarDate, cleanUploadFileName, hasForbiddenCharacters, plainText, secretText, singleLine, TEXT_ERROR_KEYS } from './text.schema';

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];
const char = (codePoint: number) => String.fromCodePoint(codePoint);

describe('singleLine', () => {
  const name = singleLine({ min: 2, max: 10, messages: { required: 'x.required', tooLong: 'x.tooLong' } });

  it('trims and bounds the text', () => {
    expect(name.parse('  Bakkerij \n')).toBe('Bakkerij');
    expect(messages(name.safeParse('Bakkerij Jansen'))).toEqual(['x.tooLong']);
    expect(messages(name.safeParse('   '))).toEqual(['x.required']);
    expect(messages(name.safeParse('B'))).toEqual(['x.required']);
    expect(messages(name.safeParse(42))).toEqual(['x.required']);
  });

  it('refuses every C0 and C1 control, DEL and the bidi embeddings, overrides and isolates, with one message', () => {
    const forbidden = [
      ...Array.from({ length: 0x20 }, (_, i) => i),
      ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
    ];
    for (const codePoint of forbidden) {
      expect(messages(name.safeParse(`Ba${char(codePoint)}kker`)), `U+${codePoint.toString(16)}`).toEqual([TEXT_ERROR_KEYS.hidden]);
    }
  });

  it('accepts letters of any script, accents, emoji and the bidi marks that right-to-left names need', () => {
    const long = singleLine({ max: 100 });
    for (const text of ["Bakkerij 't Hoekje", 'Ölçü Gıda', 'مخبز النور', 'Café ☕', 'שלום\u200fעולם', 'Zoë & Zeën']) {
      expect(long.safeParse(text).success, text).toBe(true);
    }
  });

  it('refuses control characters even after a long text, not only the first one', () => {
    expect(messages(singleLine({ max: 10 }).safeParse(`${'a'.repeat(20)}\u0000`))).toEqual([TEXT_ERROR_KEYS.hidden]);
  });

  it('uses the generic keys when the schema names none', () => {
    const any = singleLine({ min: 1, max: 3 });
    expect(messages(any.safeParse(''))).toEqual([TEXT_ERROR_KEYS.required]);
    expect(messages(any.safeParse('abcd'))).toEqual([TEXT_ERROR_KEYS.tooLong]);
  });
});

describe('plainText', () => {
  const reason = plainText({ min: 10, max: 40, messages: { tooShort: 'r.short', required: 'r.required' } });

  it('keeps line feeds and tabs, and makes a Windows line break one line feed', () => {
    expect(reason.parse('Regel een\r\nregel\ttwee\n')).toBe('Regel een\nregel\ttwee');
  });

  it('refuses NUL, other controls and bidi overrides', () => {
    for (const bad of ['Te\u0000 weinig gegevens', 'Te weinig\u0007 gegevens', 'Te weinig \u202egegevens', 'Te weinig\u000bgegevens']) {
      expect(messages(reason.safeParse(bad)), JSON.stringify(bad)).toEqual([TEXT_ERROR_KEYS.hidden]);
    }
  });

  it('says "required" for an empty text and "too short" for a short one', () => {
    expect(messages(reason.safeParse(''))).toEqual(['r.required']);
    expect(messages(reason.safeParse('kort'))).toEqual(['r.short']);
  });
});

describe('secretText', () => {
  const password = secretText({ max: 20, messages: { required: 'p.required', tooLong: 'p.tooLong' } });

  it('keeps the secret exactly as typed', () => {
    expect(password.parse('  geheim wachtwoord ')).toBe('  geheim wachtwoord ');
  });

  it('refuses control characters and bounds it', () => {
    expect(messages(password.safeParse('geheim\u0000'))).toEqual([TEXT_ERROR_KEYS.hidden]);
    expect(messages(password.safeParse(''))).toEqual(['p.required']);
    expect(messages(password.safeParse('x'.repeat(21)))).toEqual(['p.tooLong']);
  });
});

describe('calendarDate', () => {
  it('accepts days that exist and refuses the rest', () => {
    const day = calendarDate('d.invalid');
    for (const good of ['2024-02-29', '2026-12-31', '0001-01-01']) expect(day.safeParse(good).success, good).toBe(true);
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-04-31', '0000-01-01', '2026-1-01', '2026-01-01T00:00:00Z', '']) {
      expect(messages(day.safeParse(bad)), bad).toEqual(['d.invalid']);
    }
  });
});

describe('cleanUploadFileName', () => {
  it('strips control and bidi characters, so a name reads as what it is', () => {
    expect(cleanUploadFileName('afschrift\u202efdp.exe', 'statement')).toBe('afschriftfdp.exe');
    expect(cleanUploadFileName('maart\u0000\u0007\u2066.csv', 'statement')).toBe('maart.csv');
    expect(hasForbiddenCharacters(cleanUploadFileName(`a${'\u202d\u0085\u007f'.repeat(3)}b.xml`, 'x'))).toBe(false);
  });

  it('falls back when nothing is left and bounds the length by character', () => {
    expect(cleanUploadFileName('\u202e\u0000 ', 'statement.xml')).toBe('statement.xml');
    const long = cleanUploadFileName('😀'.repeat(300), 'x');
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('😀')).toBe(true);
  });
});

describe('half a surrogate pair', () => {
  it('is refused in every kind of text, while a whole pair (an emoji) is fine', () => {
    const lone = `Naam ${String.fromCharCode(0xd800)} B.V.`;
    expect(hasForbiddenCharacters(lone)).toBe(true);
    expect(hasForbiddenCharacters(`x ${String.fromCharCode(0xdfff)}`, { multiLine: true })).toBe(true);
    expect(hasForbiddenCharacters('Fietsen 🚲 B.V.')).toBe(false);
    expect(singleLine({ max: 50 }).safeParse(lone).success).toBe(false);
    expect(plainText({ max: 50 }).safeParse('Fietsen 🚲').success).toBe(true);
  });
});
