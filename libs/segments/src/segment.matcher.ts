import type { SegmentNode, SegmentPredicate } from '@dd/contract';

/** One customer's derived features (a `customer_features` row), as a segment reads them. */
export interface SegmentFeatures {
  /** False for minors and for anyone whose birth year is unknown. */
  isAdult: boolean;
  ageBand: string | null;
  province: string | null;
  municipality: string | null;
  householdBand: string | null;
  interests: readonly string[];
  /** Band 1..5 per sellable category; a category that is absent is band 0 (no spending). */
  spendBands: Readonly<Record<string, number>>;
}

/** The columns of `customer_features` that segments read; a row selected from the table fits as it is. */
export interface CustomerFeatureColumns {
  is_adult: boolean;
  age_band: string | null;
  province: string | null;
  municipality: string | null;
  household_band: string | null;
  interests: readonly string[];
  spend_bands: Readonly<Record<string, number>>;
}

export function featuresFromRow(row: CustomerFeatureColumns): SegmentFeatures {
  return {
    isAdult: row.is_adult,
    ageBand: row.age_band,
    province: row.province,
    municipality: row.municipality,
    householdBand: row.household_band,
    interests: row.interests,
    spendBands: row.spend_bands,
  };
}

function spendBandOf(features: SegmentFeatures, category: string): number {
  // Own properties only: a category named like an Object method must not read the prototype.
  return Object.hasOwn(features.spendBands, category) ? (features.spendBands[category] ?? 0) : 0;
}

/** An unknown value (null) is in no list, so `not` of a criterion includes the people it cannot place. */
function holds(predicate: SegmentPredicate, features: SegmentFeatures): boolean {
  switch (predicate.field) {
    case 'ageBand':
      return features.ageBand !== null && predicate.in.includes(features.ageBand);
    case 'province':
      return features.province !== null && predicate.in.includes(features.province);
    case 'municipality':
      return features.municipality !== null && predicate.in.includes(features.municipality);
    case 'householdBand':
      return features.householdBand !== null && predicate.in.includes(features.householdBand);
    case 'interest':
      return predicate.in.some((interest) => features.interests.includes(interest));
    case 'spend': {
      const band = spendBandOf(features, predicate.category);
      return band >= predicate.min && band <= predicate.max;
    }
  }
}

function evaluate(node: SegmentNode, features: SegmentFeatures): boolean {
  if ('field' in node) return holds(node, features);
  switch (node.op) {
    case 'not':
      return !evaluate(node.of, features);
    case 'all':
      return node.of.every((child) => evaluate(child, features));
    case 'any':
      return node.of.some((child) => evaluate(child, features));
  }
}

/**
 * Whether one customer belongs to the segment by their features: the reference the counting engine's
 * SQL is checked against. A minor (or anyone not known to be an adult) never matches, whatever the
 * criteria say. Consent is not part of this question; the engine asks `covers()` separately.
 */
export function matches(tree: SegmentNode, features: SegmentFeatures): boolean {
  return features.isAdult === true && evaluate(tree, features);
}
