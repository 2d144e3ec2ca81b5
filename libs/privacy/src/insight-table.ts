import { noisyCount } from './discrete-laplace';
import type { RandomSource } from './random-source';
import { assertPositiveRational, formatRational, type Rational } from './rational';

export type NoisyCell = { key: string; suppressed: false; count: number } | { key: string; suppressed: true };

export interface NoisyHistogram {
  /** The privacy cost of the whole table, printed on the report. */
  epsilon: Rational;
  /** `epsilon` as text ("1/2"), for the report. */
  epsilonStated: string;
  mechanism: 'discrete-laplace';
  /** Cells whose noisy count is below this are suppressed. */
  threshold: number;
  cells: NoisyCell[];
}

export interface NoisyHistogramInput {
  /**
   * True counts per cell. Every cell of the public breakdown must be present, zeros included:
   * a cell that appears only because somebody is in it would itself disclose that person.
   */
  cells: ReadonlyMap<string, number>;
  epsilon: Rational;
  /**
   * Key it per purchase (`keyedRandomSource`) so that a retried job rebuilds the same table:
   * two independently noised copies of one report would together cost twice the stated epsilon.
   */
  source: RandomSource;
  threshold: number;
}

/**
 * An epsilon-DP histogram: each cell gets independent discrete Laplace noise of scale 1/epsilon.
 *
 * Bounded contribution is what makes the single epsilon correct: each person is counted in
 * exactly one cell (a partition such as age band or region), so adding or removing one person
 * changes one cell by one and the L1 sensitivity of the whole table is 1. A breakdown in which a
 * person can fall in several cells (e.g. "categories they spend in") has sensitivity equal to
 * the most cells one person can touch; the caller must cap that number and scale epsilon down
 * by it, or the stated epsilon is a lie.
 *
 * Small cells are suppressed on the noisy value (post-processing, no extra cost) and kept in the
 * output marked as suppressed, so the reader sees that a cell exists but is too small to show.
 */
export function noisyHistogram({ cells, epsilon, source, threshold }: NoisyHistogramInput): NoisyHistogram {
  assertPositiveRational(epsilon, 'epsilon');
  if (!Number.isSafeInteger(threshold) || threshold < 1) throw new RangeError('threshold must be a positive integer.');
  const out: NoisyCell[] = [];
  for (const [key, count] of cells) {
    const noisy = noisyCount(count, epsilon, source, 1);
    out.push(noisy < threshold ? { key, suppressed: true } : { key, suppressed: false, count: noisy });
  }
  return { epsilon, epsilonStated: formatRational(epsilon), mechanism: 'discrete-laplace', threshold, cells: out };
}
