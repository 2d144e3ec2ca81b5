import { describe, expect, it } from 'vitest';
import { canonicalKey, describeSegment, validateSegment } from '@dd/segments';
import { createSegmentQuestionMemo } from './segment-question.memo';

const segment = { op: 'all', of: [{ field: 'province', in: ['NL-UT'] }, { field: 'interest', in: ['travel'] }] };

describe('the segment question memo', () => {
  it('answers what validation, the canonical key and the description answer, once per distinct input', () => {
    const memo = createSegmentQuestionMemo();
    const first = memo.question(segment);
    const { tree, categories } = validateSegment(segment);
    expect(first.tree).toEqual(tree);
    expect(first.categories).toEqual(categories);
    expect(first.canonicalKey).toBe(canonicalKey(tree));
    expect(first.describe('nl')).toBe(describeSegment(tree, 'nl'));
    expect(first.describe('en')).toBe(describeSegment(tree, 'en'));
    expect(memo.question(JSON.parse(JSON.stringify(segment)))).toBe(first);
  });

  it('refuses an invalid segment every time instead of remembering it', () => {
    const memo = createSegmentQuestionMemo();
    const bad = { field: 'province', in: ['Atlantis'] };
    expect(() => memo.question(bad)).toThrow();
    expect(() => memo.question(bad)).toThrow();
  });

  it('keeps at most its bound', () => {
    const memo = createSegmentQuestionMemo(1);
    const a = memo.question(segment);
    memo.question({ field: 'province', in: ['NL-GE'] });
    expect(memo.question(segment)).not.toBe(a);
  });
});
