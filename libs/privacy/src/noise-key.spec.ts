import { describe, expect, it } from 'vitest';
import { deriveNoiseKey, hashMemberSet, noiseKeyMaterial } from './noise-key';

const secret = 'a-test-secret-of-at-least-32-bytes!!';

describe('hashMemberSet', () => {
  it('depends on the set of members only, not on order or repeats', () => {
    expect(hashMemberSet([3, 1, 2])).toBe(hashMemberSet(['1', '2', '3', '2']));
    expect(hashMemberSet([1, 2, 3])).not.toBe(hashMemberSet([1, 2, 4]));
    expect(hashMemberSet([1, 2, 3])).not.toBe(hashMemberSet([1, 2]));
  });

  it('cannot be confused by ids that concatenate alike', () => {
    expect(hashMemberSet(['12', '3'])).not.toBe(hashMemberSet(['1', '23']));
  });
});

describe('deriveNoiseKey', () => {
  it('separates every field of the key material', () => {
    const base = { memberSetHash: hashMemberSet([1, 2]), snapshotId: 'snap-1', purpose: 'insights' };
    const keys = [
      base,
      { ...base, snapshotId: 'snap-2' },
      { ...base, purpose: 'offers' },
      { ...base, memberSetHash: hashMemberSet([1, 3]) },
    ].map((parts) => deriveNoiseKey(secret, noiseKeyMaterial(parts)).toString('hex'));
    expect(new Set(keys).size).toBe(4);
    expect(deriveNoiseKey(secret, 'ab', 'c')).not.toEqual(deriveNoiseKey(secret, 'a', 'bc'));
  });

  it('depends on the secret and refuses short secrets', () => {
    expect(deriveNoiseKey(secret, 'x')).not.toEqual(deriveNoiseKey(`${secret}?`, 'x'));
    expect(deriveNoiseKey(secret, 'x')).toEqual(deriveNoiseKey(Buffer.from(secret), 'x'));
    expect(() => deriveNoiseKey('short', 'x')).toThrow(RangeError);
  });
});
