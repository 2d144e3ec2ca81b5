import {
  HOUSEHOLD_BANDS,
  INTEREST_CODES,
  PROVINCE_CODES,
  SEGMENTABLE_AGE_BANDS,
  getCategory,
  isCategoryCode,
} from '@dd/categories';
import { SEGMENT_LIMITS, segmentSchema, type SegmentErrorKey, type SegmentListField, type SegmentNode, type SegmentPredicate } from '@dd/contract';
import { dataCategoryOf, knownMunicipalities } from './segment.categories';
import { SegmentRejectedError, type SegmentProblem } from './segment.errors';

export interface ValidatedSegment {
  /** The tree as the contract parsed it (unknown keys refused, nothing rewritten). */
  tree: SegmentNode;
  /**
   * Every data category the criteria read, sorted: the spending categories of spend criteria and
   * the profile categories (PROFILE_CATEGORIES) of the others, also those under `not`, because
   * excluding people by a fact still uses it. Consent must cover all of them for a member to count.
   */
  categories: string[];
}

/** English sentences for the contract's keys, for callers that are not the portal (which translates the key). */
const INVALID_MESSAGES: Record<SegmentErrorKey, string> = {
  'segment.invalidNode': 'A criterion or group is not in a form we understand.',
  'segment.unknownKey': 'A criterion contains a setting we do not know.',
  'segment.tooDeep': `Groups can be nested at most ${SEGMENT_LIMITS.maxDepth} levels deep, counting the criterion itself.`,
  'segment.tooManyPredicates': `A segment can have at most ${SEGMENT_LIMITS.maxPredicates} criteria.`,
  'segment.emptyGroup': 'Every group needs at least one criterion.',
  'segment.emptyList': 'Every criterion needs at least one value.',
  'segment.tooManyValues': `A criterion can list at most ${SEGMENT_LIMITS.maxValues} values.`,
  'segment.ageBandInvalid': 'An age band is not written as a code such as 25-34.',
  'segment.provinceInvalid': 'A province is not written as a code such as NL-NH.',
  'segment.municipalityInvalid': 'A municipality name contains characters no municipality has.',
  'segment.householdBandInvalid': 'A household size is not written as a code.',
  'segment.interestInvalid': 'An interest is not written as a code.',
  'segment.categoryInvalid': 'A spending category is not written as a code.',
  'segment.spendBandInvalid': `Spend bands run from ${SEGMENT_LIMITS.minSpendBand} to ${SEGMENT_LIMITS.maxSpendBand}.`,
  'segment.spendRangeInvalid': 'The lowest spend band of a criterion cannot be above its highest.',
};

const KNOWN: Record<Exclude<SegmentListField, 'municipality'>, ReadonlySet<string>> = {
  ageBand: new Set(SEGMENTABLE_AGE_BANDS),
  province: new Set(PROVINCE_CODES),
  householdBand: new Set(HOUSEHOLD_BANDS),
  interest: new Set(INTEREST_CODES),
};

const WHAT: Record<SegmentPredicate['field'], string> = {
  ageBand: 'age band',
  province: 'province',
  municipality: 'municipality',
  householdBand: 'household size',
  interest: 'interest',
  spend: 'spending category',
};

const unknown = (field: SegmentPredicate['field'], value: string, path: string): SegmentProblem => ({
  kind: 'unknown',
  path,
  subject: value,
  message: `We do not know the ${WHAT[field]} "${value}": choose one from the list.`,
});

function checkPredicate(predicate: SegmentPredicate, path: string): SegmentProblem[] {
  if (predicate.field === 'spend') {
    const { category } = predicate;
    const at = `${path}category`;
    if (!isCategoryCode(category)) return [unknown('spend', category, at)];
    const { kind, label } = getCategory(category);
    if (kind === 'special' || kind === 'protected_life_event') {
      return [{ kind: 'restricted', path: at, subject: label.en, message: `"${label.en}" can never be used in a segment.` }];
    }
    if (kind === 'internal') {
      return [{ kind: 'internal', path: at, subject: label.en, message: `"${label.en}" is money movement, not shopping, and is never shared.` }];
    }
    return [];
  }
  const known = predicate.field === 'municipality' ? knownMunicipalities() : KNOWN[predicate.field];
  return predicate.in.flatMap((value, index): SegmentProblem[] => {
    const at = `${path}in.${index}`;
    if (predicate.field === 'ageBand' && value === 'minor') return [{ kind: 'minor', path: at, subject: value, message: 'People under 18 are never in a segment.' }];
    return known.has(value) ? [] : [unknown(predicate.field, value, at)];
  });
}

function collect(node: SegmentNode, path: string, problems: SegmentProblem[], categories: Set<string>): void {
  if ('field' in node) {
    problems.push(...checkPredicate(node, path));
    categories.add(dataCategoryOf(node));
  } else if (node.op === 'not') {
    collect(node.of, `${path}of.`, problems, categories);
  } else {
    node.of.forEach((child, index) => collect(child, `${path}of.${index}.`, problems, categories));
  }
}

/**
 * Checks a criteria tree against the contract and the catalogue. Refuses (SegmentRejectedError,
 * VALIDATION_FAILED) anything that can never be run: special categories, the protected life event
 * and internal categories, minors, unknown codes. Returns the categories consent must cover.
 */
export function validateSegment(input: unknown): ValidatedSegment {
  const parsed = segmentSchema.safeParse(input);
  if (!parsed.success) {
    throw new SegmentRejectedError(
      parsed.error.issues.map((issue) => ({
        kind: 'invalid',
        path: issue.path.join('.'),
        key: issue.message,
        message: INVALID_MESSAGES[issue.message as SegmentErrorKey] ?? INVALID_MESSAGES['segment.invalidNode'],
      })),
    );
  }
  const problems: SegmentProblem[] = [];
  const categories = new Set<string>();
  collect(parsed.data, '', problems, categories);
  if (problems.length) throw new SegmentRejectedError(problems);
  return { tree: parsed.data, categories: [...categories].sort() };
}
