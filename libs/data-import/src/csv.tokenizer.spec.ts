import { describe, expect, it } from 'vitest';
import { tokenizeCsv } from './csv.tokenizer';
import { StatementParseError } from './import.errors';
import { thrownBy } from './testing/fixtures';

describe('tokenizeCsv', () => {
  it('reads quoted and unquoted fields, doubled quotes and every line ending', () => {
    expect(tokenizeCsv('"a";b;"c ""d"""\r\n"1";;"x"\n2;"";3\r4;5;6', ';')).toEqual([
      { line: 1, fields: ['a', 'b', 'c "d"'] },
      { line: 2, fields: ['1', '', 'x'] },
      { line: 3, fields: ['2', '', '3'] },
      { line: 4, fields: ['4', '5', '6'] },
    ]);
  });

  it('numbers records by the line they start on, across line breaks inside quotes and blank lines', () => {
    expect(tokenizeCsv('"h1","h2"\n\n"multi\nline","x"\n"y","z"\n\n', ',')).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 3, fields: ['multi\nline', 'x'] },
      { line: 5, fields: ['y', 'z'] },
    ]);
  });

  it('keeps a trailing empty field and a quote inside an unquoted field', () => {
    expect(tokenizeCsv('a,b,\n5" screen,x,y', ',')).toEqual([
      { line: 1, fields: ['a', 'b', ''] },
      { line: 2, fields: ['5" screen', 'x', 'y'] },
    ]);
  });

  it('names the line of a quote that is never closed', () => {
    const error = thrownBy(() => tokenizeCsv('"a","b"\n"1","2\n', ',')) as StatementParseError;
    expect(error).toBeInstanceOf(StatementParseError);
    expect(error.problems).toEqual([{ line: 2, column: '', code: 'quoteNotClosed', params: {}, message: 'This row cannot be read: a quoted field is never closed.' }]);
  });

  it('names the line where a stray quote breaks the row', () => {
    const error = thrownBy(() => tokenizeCsv('"a","b"\n"1","Café "De Zaak""\n', ',')) as StatementParseError;
    expect(error.problems[0]).toMatchObject({ line: 2, column: '', code: 'strayQuote', params: {} });
  });

  it('marks a row with a quote inside an unquoted value only when asked to', () => {
    const text = '"a","b"\n"1",2"\n"3","4"\n';
    expect(tokenizeCsv(text, ',')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2"'] },
      { line: 3, fields: ['3', '4'] },
    ]);
    expect(tokenizeCsv(text, ',', { looseQuotes: 'mark' })).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2"'], looseQuote: true },
      { line: 3, fields: ['3', '4'] },
    ]);
    expect(tokenizeCsv(text, ',', { looseQuotes: 'mark' })[2]).not.toHaveProperty('looseQuote');
  });
});
