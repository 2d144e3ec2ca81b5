export {
  CATEGORIES, CATEGORY_CODES, CATEGORY_KINDS, INTERNAL_CATEGORIES, PROTECTED_LIFE_EVENT_CATEGORIES, RESTRICTED_CATEGORIES,
  SELLABLE_CATEGORIES, SPECIAL_CATEGORIES, categoryCodeSchema, getCategory, isCategoryCode, isRestricted, isSellable,
  sellableCategorySchema,
} from './category.catalogue';
export type { Category, CategoryCode, CategoryKind, LocalisedText } from './category.catalogue';
export {
  PROFILE_CATEGORIES, PROFILE_CATEGORY_CODES, PROFILE_CATEGORY_KIND, PROFILE_CATEGORY_LABELS, PROFILE_CATEGORY_LIST, isProfileCategory,
} from './profile-categories';
export type { ProfileCategory, ProfileCategoryDefinition } from './profile-categories';
export { CONSENT_CATEGORIES, isConsentCategory } from './consent-categories';
export { INDUSTRIES, INDUSTRY_CODES, SENSITIVE_INDUSTRIES, industryCodeSchema, isSensitiveIndustry } from './industries';
export type { Industry, IndustryCode } from './industries';
export { CATEGORISATION_RULES } from './categorisation-rules.data';
export { RESTRICTED_PRIORITY_FLOOR, RULE_PRIORITY } from './rule-priority';
export { RULE_DIRECTIONS, RULE_FIELDS, categorisationRuleSchema, parseRuleSet, patternProblems, validateRuleSet } from './rule.schema';
export type { CategorisationRule, RuleDirection, RuleField, RuleSetValidation } from './rule.schema';
export { createCategoriser } from './categoriser';
export type { CategorisationContext, CategorisationResult, Categoriser, TransactionToCategorise } from './categoriser';
export { merchantFromDescription, normaliseMerchant, normaliseText, transactionText } from './transaction-text';
export { AGE_BANDS, SEGMENTABLE_AGE_BANDS, ageBand, ageBandSchema, certainAge, isSegmentableAgeBand } from './age-bands';
export type { AgeBand } from './age-bands';
export { SPEND_BANDS, SPEND_BAND_THRESHOLDS_CENTS, SPEND_WINDOW_DAYS, monthlySpendBands, spendBand, spendBandSchema } from './spend-bands';
export type { CategorisedAmount, SpendBand } from './spend-bands';
export { HOUSEHOLD_BANDS, HOUSEHOLD_BAND_LABELS, MAX_HOUSEHOLD_SIZE, householdBand, householdBandSchema } from './household-bands';
export type { HouseholdBand } from './household-bands';
export { INTERESTS, INTEREST_CODES, interestCodeSchema } from './interests';
export type { InterestCode } from './interests';
export { PROVINCES, PROVINCE_CODES, provinceCodeSchema } from './provinces';
export type { ProvinceCode } from './provinces';
export { regionForPostcode } from './postcode-lookup';
export type { PostcodeRegion } from './postcode-lookup';
export { InvalidBirthYearError, InvalidPostcodeError, InvalidRuleSetError } from './categories.errors';
export { loadCategoriser, loadRules, referenceDataFingerprint, syncReferenceData } from './reference-data.sync';
