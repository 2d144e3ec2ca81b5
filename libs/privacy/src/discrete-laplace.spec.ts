import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { discreteLaplaceScale, noisyCount, sampleBernoulli, sampleBernoulliExp, sampleDiscreteLaplace } from './discrete-laplace';
import { cryptoRandomSource, keyedRandomSource, type RandomSource } from './random-source';
import { rational } from './rational';
import {
  binSamples,
  chiSquareCriticalValue,
  chiSquareStatistic,
  chiSquareSurvival,
  discreteLaplaceBins,
} from './testing/statistics';

const fixedKey = (label: string) => createHash('sha256').update(label).digest();

function draw(source: RandomSource, scaleNum: bigint, scaleDen: bigint, n: number): bigint[] {
  const samples: bigint[] = [];
  for (let i = 0; i < n; i++) samples.push(sampleDiscreteLaplace(source, scaleNum, scaleDen));
  return samples;
}

// 23 bins (-10..10 and two tails) leave 22 degrees of freedom; the 0.999 quantile of χ²₂₂ is
// 48.268 (standard tables), which the helper reproduces below.
const CRITICAL_22_AT_0999 = 48.268;

describe('chi-square helper', () => {
  it('reproduces tabulated critical values', () => {
    expect(chiSquareCriticalValue(22, 0.001)).toBeCloseTo(CRITICAL_22_AT_0999, 2);
    expect(chiSquareCriticalValue(1, 0.05)).toBeCloseTo(3.841, 3);
    expect(chiSquareCriticalValue(10, 0.01)).toBeCloseTo(23.209, 3);
    expect(chiSquareSurvival(CRITICAL_22_AT_0999, 22)).toBeCloseTo(0.001, 5);
  });
});

describe('sampleDiscreteLaplace distribution (t = 2, epsilon = 1/2)', () => {
  const n = 100_000;
  const p = Math.exp(-1 / 2);
  const samples = draw(keyedRandomSource(fixedKey('distribution-fit')), 2n, 1n, n);

  it('returns integers (bigint) only', () => {
    expect(samples.every((x) => typeof x === 'bigint')).toBe(true);
  });

  it('fits the exact pmf (1-p)/(1+p)·p^|x| by chi-square over -10..10 plus tails', () => {
    const observed = binSamples(samples.map(Number), 10);
    const statistic = chiSquareStatistic(observed, discreteLaplaceBins(p, 10));
    console.info(`chi-square t=2 keyed: ${statistic.toFixed(2)} (df 22, p = ${chiSquareSurvival(statistic, 22).toFixed(3)}, critical ${CRITICAL_22_AT_0999})`);
    expect(statistic).toBeLessThan(CRITICAL_22_AT_0999);
  });

  it('has mean near 0 and variance near 2p/(1-p)^2', () => {
    const values = samples.map(Number);
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    const expectedVariance = (2 * p) / (1 - p) ** 2;
    // Five standard errors; the fourth moment of a discrete Laplace is about 6σ⁴.
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(expectedVariance / n));
    expect(Math.abs(variance - expectedVariance)).toBeLessThan(5 * expectedVariance * Math.sqrt(5 / n));
  });

  it('the same chi-square rejects a sampler of the wrong scale (t = 5/2)', () => {
    const wrong = draw(keyedRandomSource(fixedKey('wrong-scale')), 5n, 2n, n).map(Number);
    const statistic = chiSquareStatistic(binSamples(wrong, 10), discreteLaplaceBins(p, 10));
    console.info(`chi-square of t=5/2 samples against t=2 pmf: ${statistic.toFixed(1)}`);
    expect(statistic).toBeGreaterThan(CRITICAL_22_AT_0999);
  });
});

describe('sampleDiscreteLaplace at other scales', () => {
  const cases = [
    { name: 'non-integer scale 7/3', num: 7n, den: 3n, width: 10 },
    { name: 'scale below one, 1/3', num: 1n, den: 3n, width: 2 },
    { name: 'unreduced 4/2 behaves like 2', num: 4n, den: 2n, width: 10 },
  ];
  for (const { name, num, den, width } of cases) {
    it(`fits the pmf for ${name}`, () => {
      const p = Math.exp(-Number(den) / Number(num));
      const samples = draw(keyedRandomSource(fixedKey(name)), num, den, 60_000).map(Number);
      const df = 2 * width + 2;
      const statistic = chiSquareStatistic(binSamples(samples, width), discreteLaplaceBins(p, width));
      console.info(`chi-square ${name}: ${statistic.toFixed(2)} (df ${df}, p = ${chiSquareSurvival(statistic, df).toFixed(3)})`);
      expect(statistic).toBeLessThan(chiSquareCriticalValue(df, 0.001));
    });
  }

  it('fits the pmf with the operating-system source too', () => {
    // Fresh randomness on every run: the threshold is the 1 - 1e-6 quantile so this is not flaky.
    const p = Math.exp(-1 / 2);
    const samples = draw(cryptoRandomSource(), 2n, 1n, 60_000).map(Number);
    const statistic = chiSquareStatistic(binSamples(samples, 10), discreteLaplaceBins(p, 10));
    expect(statistic).toBeLessThan(chiSquareCriticalValue(22, 1e-6));
  });
});

describe('sampleBernoulliExp', () => {
  const n = 200_000;
  const gammas: [bigint, bigint][] = [
    [1n, 3n],
    [1n, 1n],
    [3n, 2n],
    [7n, 3n],
  ];
  for (const [num, den] of gammas) {
    it(`returns true with frequency exp(-${num}/${den})`, () => {
      const source = keyedRandomSource(fixedKey(`bernoulli-exp-${num}/${den}`));
      let hits = 0;
      for (let i = 0; i < n; i++) if (sampleBernoulliExp(source, num, den)) hits++;
      const expected = Math.exp(-Number(num) / Number(den));
      const frequency = hits / n;
      expect(Math.abs(frequency - expected)).toBeLessThan(5 * Math.sqrt((expected * (1 - expected)) / n));
    });
  }

  it('is certain for gamma = 0', () => {
    const source = cryptoRandomSource();
    for (let i = 0; i < 1000; i++) expect(sampleBernoulliExp(source, 0n, 5n)).toBe(true);
  });

  it('rejects negative gamma and zero denominators', () => {
    const source = cryptoRandomSource();
    expect(() => sampleBernoulliExp(source, -1n, 2n)).toThrow(RangeError);
    expect(() => sampleBernoulliExp(source, 1n, 0n)).toThrow(RangeError);
    expect(() => sampleBernoulli(source, 3n, 2n)).toThrow(RangeError);
  });
});

describe('noisyCount', () => {
  it('uses scale sensitivity/epsilon exactly', () => {
    expect(discreteLaplaceScale(rational(1n, 2n))).toEqual({ num: 2n, den: 1n });
    expect(discreteLaplaceScale(rational(3n, 10n), 2)).toEqual({ num: 20n, den: 3n });
  });

  it('is the count plus integer noise', () => {
    const source = keyedRandomSource(fixedKey('noisy-count'));
    const values = Array.from({ length: 2000 }, () => noisyCount(1000, rational(1n, 1n), source));
    expect(values.every(Number.isSafeInteger)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean - 1000)).toBeLessThan(0.2);
    expect(new Set(values).size).toBeGreaterThan(5);
  });

  it('rejects invalid parameters', () => {
    const source = cryptoRandomSource();
    expect(() => noisyCount(-1, rational(1n), source)).toThrow(RangeError);
    expect(() => noisyCount(1.5, rational(1n), source)).toThrow(RangeError);
    expect(() => noisyCount(10, { num: 0n, den: 1n }, source)).toThrow(RangeError);
    expect(() => noisyCount(10, { num: 1n, den: -2n }, source)).toThrow(RangeError);
    expect(() => noisyCount(10, rational(1n), source, 0)).toThrow(RangeError);
    expect(() => sampleDiscreteLaplace(source, 0n, 1n)).toThrow(RangeError);
  });
});
