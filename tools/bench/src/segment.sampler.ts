import type { AudienceQuery } from '@dd/audience';
import { HOUSEHOLD_BANDS, INDUSTRY_CODES, INTEREST_CODES, PROVINCE_CODES, SEGMENTABLE_AGE_BANDS, SELLABLE_CATEGORIES, SENSITIVE_INDUSTRIES } from '@dd/categories';
import { SEGMENT_LIMITS, countSegmentPredicates, type SegmentNode, type SegmentPredicate } from '@dd/contract';
import type { Purpose } from '@dd/db';
import { knownMunicipalities, validateSegment } from '@dd/segments';
import { BenchRandom } from './bench-random';

/**
 * Random, valid advertiser segments with realistic selectivity. A criterion directly under `all`
 * is broad (several age bands, most provinces, "spends anything on groceries"), one under `any`
 * or `not` is narrow, so ANDs of many criteria still leave a crowd and ORs do not cover everyone.
 * Every segment uses a few spending categories, as a campaign with a theme would, and passes
 * validateSegment, which also gives the categories consent must cover.
 */

type Breadth = 'broad' | 'narrow';
type Field = SegmentPredicate['field'];

const FIELD_WEIGHTS: readonly (readonly [Field, number])[] = [
  ['ageBand', 3], ['province', 2], ['municipality', 1], ['householdBand', 2], ['interest', 3], ['spend', 4],
];
const NOT_LEAF_CHANCE = 0.15;
const NOT_GROUP_CHANCE = 0.12;

export interface SampledSegment extends AudienceQuery {
  predicates: number;
}

class SegmentSampler {
  private readonly municipalities = [...knownMunicipalities().keys()];
  private spendPool: string[] = [];

  constructor(private readonly rng: BenchRandom) {}

  segment(): SampledSegment {
    const { rng } = this;
    const predicates = rng.int(2, SEGMENT_LIMITS.maxPredicates);
    this.spendPool = rng.sample(SELLABLE_CATEGORIES, rng.int(2, 5));
    const tree = this.node(predicates, 1, rng.chance(0.7) ? 'all' : 'any');
    const { categories } = validateSegment(tree);
    const purpose: Purpose = rng.chance(0.65) ? 'insights' : 'offers';
    const industry = rng.chance(0.4) ? null : rng.chance(0.5) ? rng.pick(SENSITIVE_INDUSTRIES) : rng.pick(INDUSTRY_CODES);
    return { tree, categories, purpose, industry, predicates: countSegmentPredicates(tree) };
  }

  /** A node with `n` criteria whose root sits at `depth` (1 = the segment's root). */
  private node(n: number, depth: number, op: 'all' | 'any', parent: 'all' | 'any' | 'not' = 'all'): SegmentNode {
    const { rng } = this;
    if (n === 1) {
      if (depth < SEGMENT_LIMITS.maxDepth && parent !== 'not' && rng.chance(NOT_LEAF_CHANCE)) return { op: 'not', of: this.leaf('narrow') };
      return this.leaf(parent === 'all' ? 'broad' : 'narrow');
    }
    // "None of these": not(any(…)) of narrow criteria, a broad condition in an AND.
    if (op === 'any' && parent === 'all' && depth + 1 < SEGMENT_LIMITS.maxDepth && n <= 4 && rng.chance(NOT_GROUP_CHANCE)) {
      return { op: 'not', of: this.node(n, depth + 1, 'any', 'not') };
    }
    const children = depth + 1 >= SEGMENT_LIMITS.maxDepth ? Array<number>(n).fill(1) : this.split(n, op);
    const childOp = op === 'all' ? 'any' : 'all';
    return { op, of: children.map((size) => this.node(size, depth + 1, size > 1 && rng.chance(0.2) ? op : childOp, op)) };
  }

  /** n criteria over 2..5 children; ORs stay small (2–4 criteria), as advertisers write them. */
  private split(n: number, op: 'all' | 'any'): number[] {
    const { rng } = this;
    const k = Math.min(n, rng.int(2, op === 'any' ? 4 : 6));
    const sizes = Array<number>(k).fill(1);
    for (let rest = n - k; rest > 0; rest--) sizes[rng.int(0, k - 1)]! += 1;
    return sizes;
  }

  private leaf(breadth: Breadth): SegmentPredicate {
    const { rng } = this;
    const broad = breadth === 'broad';
    switch (rng.weighted(FIELD_WEIGHTS)) {
      case 'ageBand': {
        const length = broad ? rng.int(3, 5) : rng.int(1, 2);
        const start = rng.int(0, SEGMENTABLE_AGE_BANDS.length - length);
        return { field: 'ageBand', in: SEGMENTABLE_AGE_BANDS.slice(start, start + length) };
      }
      case 'province':
        return { field: 'province', in: rng.sample(PROVINCE_CODES, broad ? rng.int(5, 10) : rng.int(1, 3)) };
      case 'municipality':
        return { field: 'municipality', in: rng.sample(this.municipalities, broad ? rng.int(8, 24) : rng.int(1, 4)) };
      case 'householdBand':
        return { field: 'householdBand', in: rng.sample(HOUSEHOLD_BANDS, broad ? rng.int(2, 3) : 1) };
      case 'interest':
        return { field: 'interest', in: rng.sample(INTEREST_CODES, broad ? rng.int(4, 9) : rng.int(1, 2)) };
      case 'spend': {
        const category = rng.pick(this.spendPool);
        if (broad) {
          const min = rng.weighted([[1, 5], [2, 3], [3, 1]] as const);
          return { field: 'spend', category, min, max: rng.chance(0.8) ? 5 : Math.min(5, min + 2) };
        }
        const min = rng.int(3, 5);
        return { field: 'spend', category, min, max: rng.int(min, 5) };
      }
    }
  }
}

/** `count` segments from a seed: the same seed gives the same segments. */
export function sampleSegments(count: number, seed: number): SampledSegment[] {
  const sampler = new SegmentSampler(new BenchRandom(`segments|${seed}`));
  return Array.from({ length: count }, () => sampler.segment());
}
