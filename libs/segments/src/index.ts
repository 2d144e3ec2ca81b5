export { validateSegment } from './segment.validation';
export type { ValidatedSegment } from './segment.validation';
export { MINOR_SENTENCE, RESTRICTED_SENTENCE, SEGMENT_PROBLEM_KINDS, SegmentRejectedError, segmentProblemKey } from './segment.errors';
export type { SegmentProblem, SegmentProblemKind } from './segment.errors';
export {
  PROFILE_CATEGORIES, PROFILE_CATEGORY_CODES, PROFILE_CATEGORY_LABELS, PROFILE_CATEGORY_OF_FIELD, dataCategoryOf, knownMunicipalities,
} from './segment.categories';
export type { ProfileCategory } from './segment.categories';
export { CANONICAL_FORM_VERSION, canonicalJson, canonicalKey, canonicalise, isEmptySegment, isUnrestrictedSegment } from './segment.canonical';
export { describeSegment } from './segment.describe';
export type { SegmentLocale } from './segment.describe';
export { featuresFromRow, matches } from './segment.matcher';
export type { CustomerFeatureColumns, SegmentFeatures } from './segment.matcher';
export { segmentOptions } from './segment.options';
export { DEFAULT_PRODUCT_PRICES, productPriceList, productPricesFrom, productPricesFromEnv } from './product-prices.settings';
export type { ProductPriceSettings } from './product-prices.settings';
export { MAX_SAVED_SEGMENTS, createSavedSegmentsService } from './saved-segments.service';
export type { SavedSegmentsService, SegmentOwner } from './saved-segments.service';
export { savedSegmentsRepository } from './saved-segments.repository';
