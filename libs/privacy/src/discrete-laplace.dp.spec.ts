import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { noisyCount } from './discrete-laplace';
import { keyedRandomSource } from './random-source';
import { rational, type Rational } from './rational';
import { approximateDpTest, type DpTestReport } from './testing/statistics';

/**
 * Empirical check of the privacy claim itself, on neighbouring datasets (true counts c and c + 1),
 * in the style of Google's DP stochastic tester. Fixed keys make the samples, and so the verdict,
 * reproducible.
 */

const CLAIMED: Rational = rational(1n, 2n);
const CLAIMED_EPSILON = 0.5;
const N = 200_000;
const COUNT = 500;

function samples(trueCount: number, epsilon: Rational, keyLabel: string): number[] {
  const source = keyedRandomSource(createHash('sha256').update(keyLabel).digest());
  return Array.from({ length: N }, () => noisyCount(trueCount, epsilon, source));
}

function runTest(actualEpsilon: Rational, label: string): DpTestReport {
  const report = approximateDpTest({
    samplesA: samples(COUNT, actualEpsilon, `${label}/c`),
    samplesB: samples(COUNT + 1, actualEpsilon, `${label}/c+1`),
    epsilon: CLAIMED_EPSILON,
    delta: 0,
    falseAlarm: 1e-6,
    hockeyStickError: 1e-3,
    // Scale 2: P(|noise| > 12) ≈ 0.2%; farther outputs share two tail buckets.
    clip: { centre: COUNT, width: 12 },
  });
  const show = (d: DpTestReport['aVersusB']) =>
    `margin ${d.bucketMargin.toFixed(4)} at ${d.bucketAtMargin}, certified ε ≥ ${d.certifiedEpsilon.toFixed(3)}, empirical ε ${d.empiricalEpsilon.toFixed(3)}, hockey-stick δ̂ ${d.hockeyStick.toFixed(4)}`;
  console.info(
    `${label} (claimed ε = 1/2, N = ${N} per dataset, ${report.buckets} buckets, δ̂ tolerance ${report.hockeyStickTolerance.toFixed(4)}):\n` +
      `  c vs c+1: ${show(report.aVersusB)}\n  c+1 vs c: ${show(report.bVersusA)}`,
  );
  return report;
}

describe('differential privacy of noisyCount on neighbouring counts', () => {
  it('passes at the stated epsilon in both directions', () => {
    const report = runTest(CLAIMED, 'correct mechanism');
    expect(report.aVersusB.bucketMargin).toBeLessThanOrEqual(0);
    expect(report.bVersusA.bucketMargin).toBeLessThanOrEqual(0);
    expect(report.passesBuckets).toBe(true);
    expect(Math.max(report.aVersusB.certifiedEpsilon, report.bVersusA.certifiedEpsilon)).toBeLessThanOrEqual(CLAIMED_EPSILON);
    expect(report.passesHockeyStick).toBe(true);
  });

  it('fails for an under-noised mechanism (half the scale: claims ε but uses 2ε)', () => {
    const report = runTest(rational(CLAIMED.num * 2n, CLAIMED.den), 'under-noised mechanism');
    // The true ratio is e^{2ε} on one side of c in each direction, so both directions must fail.
    expect(report.aVersusB.bucketMargin).toBeGreaterThan(0);
    expect(report.bVersusA.bucketMargin).toBeGreaterThan(0);
    expect(report.passesBuckets).toBe(false);
    expect(Math.min(report.aVersusB.certifiedEpsilon, report.bVersusA.certifiedEpsilon)).toBeGreaterThan(CLAIMED_EPSILON);
    expect(report.passesHockeyStick).toBe(false);
  });
});
