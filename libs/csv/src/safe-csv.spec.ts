import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from './safe-csv';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Klik")', `'=HYPERLINK("http://evil.example","Klik")`],
    ['+31 6 12345678', `'+31 6 12345678`],
    ['-2+3+cmd|" /C calc"!A0', `'-2+3+cmd|" /C calc"!A0`],
    ['@SUM(1+1)*cmd|" /C calc"!A0', `'@SUM(1+1)*cmd|" /C calc"!A0`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('prefixes %j with a single quote', (value, expected) => {
    expect(neutraliseFormula(value)).toBe(expected);
  });

  it.each(['Albert Heijn 1403', 'NL20INGB0001234567', '2026-11-23T10:00:00.000Z', " =1+1", 'a=b', '', "'al gequote"])(
    'leaves %j as it is',
    (value) => {
      expect(neutraliseFormula(value)).toBe(value);
    },
  );
});

describe('toCsv', () => {
  it('writes a header and rows, neutralising text cells but not numbers, booleans or empty cells', () => {
    const csv = toCsv(
      [
        ['=cmd|" /C calc"!A0', -1250, true, null],
        ['Jumbo, Utrecht', 42, false, undefined],
      ],
      { columns: ['counterparty_name', 'amount_cents', 'special', 'category'] },
    );
    expect(parse(csv)).toEqual([
      ['counterparty_name', 'amount_cents', 'special', 'category'],
      [`'=cmd|" /C calc"!A0`, '-1250', '1', ''],
      ['Jumbo, Utrecht', '42', '', ''],
    ]);
  });

  it('neutralises a header too, and writes without one when no columns are given', () => {
    expect(parse(toCsv([['x']], { columns: ['=A1'] }))).toEqual([["'=A1"], ['x']]);
    expect(toCsv([['@a', 1]])).toBe("'@a,1\n");
  });
});
