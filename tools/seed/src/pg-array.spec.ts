import { describe, expect, it } from 'vitest';
import { plainArrayLiteral, quotedArrayLiteral } from './pg-array';

describe('array literals', () => {
  it('quotes every text element and escapes quotes and backslashes', () => {
    expect(quotedArrayLiteral(['ALBERT HEIJN 1234 AMSTERDAM', "McDonald's, {x}"])).toBe('{"ALBERT HEIJN 1234 AMSTERDAM","McDonald\'s, {x}"}');
    expect(quotedArrayLiteral(['a "b"', 'c\\d', null])).toBe('{"a \\"b\\"","c\\\\d",NULL}');
    expect(quotedArrayLiteral([])).toBe('{}');
  });

  it('joins plain elements and writes null as NULL', () => {
    expect(plainArrayLiteral([1, -250, 3])).toBe('{1,-250,3}');
    expect(plainArrayLiteral(['2026-10-01', 'NL91ABNA0417164300', null])).toBe('{2026-10-01,NL91ABNA0417164300,NULL}');
  });

  it('refuses elements that would change meaning unquoted', () => {
    expect(() => plainArrayLiteral(['a b'])).toThrow(RangeError);
    expect(() => plainArrayLiteral(['a,b'])).toThrow(RangeError);
    expect(() => plainArrayLiteral(['null'])).toThrow(RangeError);
    expect(() => plainArrayLiteral([Number.NaN])).toThrow(RangeError);
  });
});
