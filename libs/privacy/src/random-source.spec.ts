import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sampleDiscreteLaplace } from './discrete-laplace';
import { cryptoRandomSource, keyedRandomSource, type RandomSource } from './random-source';
import { chiSquareCriticalValue, chiSquareStatistic } from './testing/statistics';

const key = (label: string) => createHash('sha256').update(label).digest();

function laplaceSequence(source: RandomSource, n: number): bigint[] {
  return Array.from({ length: n }, () => sampleDiscreteLaplace(source, 2n, 1n));
}

describe('keyedRandomSource', () => {
  it('gives identical sequences for the same key', () => {
    expect(laplaceSequence(keyedRandomSource(key('a')), 1000)).toEqual(laplaceSequence(keyedRandomSource(key('a')), 1000));
  });

  it('gives different sequences for different keys', () => {
    const a = laplaceSequence(keyedRandomSource(key('a')), 200);
    const b = laplaceSequence(keyedRandomSource(key('b')), 200);
    expect(a).not.toEqual(b);
    // Not merely shifted or mostly equal: independent sequences agree only by coincidence.
    expect(a.filter((x, i) => x === b[i]).length).toBeLessThan(60);
  });

  it('is HMAC-SHA256(key, label || counter) read as a byte stream', () => {
    const k = key('stream');
    const label = Buffer.from('dd/privacy/noise-stream/v1', 'utf8');
    const block = (i: number) => {
      const counter = Buffer.alloc(8);
      counter.writeBigUInt64BE(BigInt(i));
      return createHmac('sha256', k).update(label).update(counter).digest();
    };
    const expected = Buffer.concat([block(0), block(1), block(2)]);
    const source = keyedRandomSource(k);
    // A range of exactly 256 consumes one byte and never rejects; 2^64 consumes eight.
    const bytes = Array.from({ length: 40 }, () => Number(source.uniformBigInt(256n)));
    expect(bytes).toEqual([...expected.subarray(0, 40)]);
    expect(source.uniformBigInt(2n ** 64n)).toBe(expected.readBigUInt64BE(40));
  });

  it('keeps answering exactly as before (published noise must never silently change)', () => {
    // If this fails, every earlier estimate would be re-drawn and could be averaged: change the
    // stream label version on purpose, and treat it as spending fresh budget.
    const source = keyedRandomSource(key('known-answer'));
    expect([2n, 10n, 1000n, 2n ** 70n].map((m) => source.uniformBigInt(m))).toEqual([0n, 1n, 307n, 957682237101479702003n]);
    expect(laplaceSequence(keyedRandomSource(key('known-answer')), 10)).toEqual([4n, 1n, -2n, -2n, 8n, -1n, 1n, -1n, -1n, 1n]);
  });

  it('is uniform over ranges that are not powers of two', () => {
    const source = keyedRandomSource(key('uniform'));
    for (const range of [3, 10, 37]) {
      const counts = new Array<number>(range).fill(0);
      const n = 30_000;
      for (let i = 0; i < n; i++) counts[Number(source.uniformBigInt(BigInt(range)))]! += 1;
      const statistic = chiSquareStatistic(counts, new Array<number>(range).fill(1 / range));
      expect(statistic).toBeLessThan(chiSquareCriticalValue(range - 1, 0.001));
    }
  });

  it('rejects short keys and empty ranges', () => {
    expect(() => keyedRandomSource(Buffer.alloc(8))).toThrow(RangeError);
    expect(() => keyedRandomSource(key('x')).uniformBigInt(0n)).toThrow(RangeError);
  });
});

describe('cryptoRandomSource', () => {
  it('produces negative, zero and positive noise', () => {
    const values = laplaceSequence(cryptoRandomSource(), 2000);
    // At scale 2 each sign has probability ~0.38 and zero ~0.25: missing one in 2000 draws is impossible in practice.
    expect(values.some((x) => x < 0n)).toBe(true);
    expect(values.some((x) => x === 0n)).toBe(true);
    expect(values.some((x) => x > 0n)).toBe(true);
  });

  it('stays in range for small, 2^48-sized and very large bounds', () => {
    const source = cryptoRandomSource();
    for (const max of [1n, 2n, 7n, 2n ** 48n - 1n, 2n ** 48n, 2n ** 48n + 1n, 10n ** 30n + 7n]) {
      for (let i = 0; i < 200; i++) {
        const value = source.uniformBigInt(max);
        expect(value >= 0n && value < max).toBe(true);
      }
    }
    // The top half of a wide range is reached (bytes are not truncated).
    const big = 10n ** 30n;
    expect(Array.from({ length: 50 }, () => source.uniformBigInt(big)).some((v) => v > big / 2n)).toBe(true);
  });

  it('gives different values on each call', () => {
    const source = cryptoRandomSource();
    expect(source.uniformBigInt(2n ** 128n)).not.toBe(source.uniformBigInt(2n ** 128n));
    expect(() => source.uniformBigInt(-1n)).toThrow(RangeError);
  });
});
