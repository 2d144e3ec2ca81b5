import type { SegmentNode } from '@dd/contract';
import type { Purpose } from '@dd/db';
import type { SegmentFeatures } from '@dd/segments';

/** A consent grant that counts now; `expiresAt` in epoch ms, null for open-ended. */
export interface CountableGrant {
  category: string;
  purpose: Purpose;
  expiresAt: number | null;
}

/**
 * Everything the index needs to know about one member. Only countable people have a state: a
 * customer with derived features who has not asked to be erased. Adulthood stays a feature so a
 * minor is present (and correctly never counted) rather than unknown.
 */
export interface MemberState {
  memberNo: number;
  features: SegmentFeatures;
  grants: CountableGrant[];
  excludedIndustries: string[];
}

/** Who to count: the criteria, the categories consent must cover, the purpose and the buyer's industry. */
export interface AudienceQuery {
  tree: SegmentNode;
  /** From validateSegment(tree).categories: every category the criteria read. */
  categories: readonly string[];
  purpose: Purpose;
  /** The buying advertiser's industry; customers who exclude it are not counted. Null when none applies. */
  industry: string | null;
}
