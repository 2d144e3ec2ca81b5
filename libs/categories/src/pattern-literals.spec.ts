import { describe, expect, it } from 'vitest';
import { patternLiterals } from './pattern-literals';

describe('patternLiterals', () => {
  it('reads the word each anchored alternative starts with, up to six characters', () => {
    expect(patternLiterals(String.raw`\bmoskee|\bislamitisch|^ns\b|\bq ?park\b`)).toEqual({ wordStarts: ['moskee', 'islami', 'ns', 'q'], substrings: [] });
  });

  it('reads mandatory and optional leading groups', () => {
    expect(patternLiterals(String.raw`\b(zorgtoeslag|huurtoeslag)\b`)?.wordStarts).toEqual(['zorgto', 'huurto']);
    expect(patternLiterals(String.raw`\b(zwem|wegwerp)?luier(?!x)`)?.wordStarts).toEqual(['zwem', 'wegwer', 'luier']);
  });

  it('falls back to a substring after a lookbehind, without an anchor, or for a one-letter word', () => {
    expect(patternLiterals(String.raw`(?<!dieren)apothe{1,2}k|prothese|\ba s r\b`)).toEqual({ wordStarts: [], substrings: ['apoth', 'prothese', 'a s r'] });
  });

  it('gives up on patterns it cannot read, so their rules are always tested', () => {
    for (const pattern of [String.raw`[a-z]+winkel`, String.raw`\b(a|b)*c`, String.raw`(?=x)\bfoo`, 'ab', String.raw`\b.{0,3}foo`, '[]x']) {
      expect(patternLiterals(pattern), pattern).toBeNull();
    }
  });
});
