import { describe, expect, it } from 'vitest';
import { cx } from './class-names';

describe('cx', () => {
  it('keeps only truthy names', () => {
    expect(cx('a', false, null, undefined, '', 'b')).toBe('a b');
  });
});
