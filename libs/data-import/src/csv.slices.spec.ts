import { describe, expect, it } from 'vitest';
import { countRecords, StrictCsvRefused, strictCsvSlices } from './csv.slices';
import { tokenizeCsv } from './csv.tokenizer';
import { collapseWhitespace } from './text';

const TEXTS = {
  crlf: '"a";"b"\r\n"1";"x"\r\n\r\n"2";"y ""quoted"" z"\r\n"3";"w"\r\n',
  lf: '"a","b"\n"1","line one\nline two\nline three"\n\n"2","y"\n  \n"3","z"',
  mixed: '"a","b"\r\n"1","x"\n"2","y\r\nz"\r"3","w"\n',
} as const;

function sliced(text: string, delimiter: string, size: number) {
  return [...strictCsvSlices(text, delimiter, size)].flat();
}

describe('strictCsvSlices', () => {
  it.each(Object.entries(TEXTS))('gives the records and line numbers of tokenizeCsv for %s text, whatever the slice size', (_, text) => {
    const delimiter = text.includes(';') ? ';' : ',';
    const whole = tokenizeCsv(text, delimiter);
    for (const size of [1, 5, 12, 1_000]) expect(sliced(text, delimiter, size)).toEqual(whole);
  });

  it('refuses what only the careful tokenizer reads: a quote inside an unquoted value, an unclosed quote, too many columns', () => {
    expect(() => sliced('"a","b"\n"1",Albert Heijn"\n', ',', 4)).toThrow(StrictCsvRefused);
    expect(() => sliced('"a","b"\n"1","open\n"2","x"\n', ',', 4)).toThrow(StrictCsvRefused);
    expect(() => sliced(`"a"\n${','.repeat(100)}\n`, ',', 4)).toThrow(StrictCsvRefused);
  });
});

describe('countRecords', () => {
  it('counts the non-blank records, line breaks inside quotes and blank lines aside', () => {
    expect(countRecords(TEXTS.crlf, ';')).toBe(4);
    expect(countRecords(TEXTS.lf, ',')).toBe(4);
  });
});

describe('collapseWhitespace', () => {
  it('is replace(/\\s+/g, " ").trim() for texts with and without runs of whitespace', () => {
    const samples = ['', ' ', 'Albert Heijn 1403', ' Albert  Heijn ', 'a\tb', 'a\u00a0b', 'a \n b', 'x\r\ny', '  ', 'één  twee', 'a\u2028b'];
    for (const sample of samples) expect(collapseWhitespace(sample)).toBe(sample.replace(/\s+/g, ' ').trim());
  });
});

describe('strictCsvSlices and the record bound', () => {
  it('refuses a record over MAX_FIELD_CHARS bytes as tokenizeCsv does, and reads one just within it', () => {
    const within = `"a","b"\n"1","${'é'.repeat(4_990)}"\n`;
    expect(sliced(within, ',', 4)).toEqual(tokenizeCsv(within, ','));
    const over = `"a","b"\n"1","${'é'.repeat(5_001)}"\n`;
    expect(() => tokenizeCsv(over, ',')).toThrow();
    expect(() => sliced(over, ',', 4)).toThrow(StrictCsvRefused);
  });

  it('gives up on a stray quote that leaves no record end near the slice end', () => {
    const text = `"a","b"\n"1","x\n${'"2","y"\n'.repeat(10_000)}`;
    expect(() => sliced(text, ',', 16)).toThrow(StrictCsvRefused);
  });
});
