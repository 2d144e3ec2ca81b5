import type { TFunction } from 'i18next';
import type { AudienceEstimate, PurchaseProductCode, PurposeCode, SegmentOptions, SpendBandDto } from '@dd/contract';
import { describeError } from '../../app/api-error';
import { fieldErrorText } from '../../app/field-error-text';
import { formatCount } from '../../app/format';
import type { ReferenceLabels } from '../../app/reference-labels';
import { inSentence, spendBandLabel } from '../segments/spend-text';

type Exists = { exists: (key: string) => boolean };
type Params = Record<string, string | number>;

/** The consent purpose a product is counted and sold for (the contract's PRODUCT_PURPOSE). */
export const PURPOSE_OF: Record<PurchaseProductCode, PurposeCode> = { insight_report: 'insights', offer_campaign: 'offers' };

const MARKETPLACE_PREFIX = 'marketplace.errors.';

/** The default namespace's t reads `purchases:…` keys at run time; its types only list its own keys. */
const prefixed = (t: TFunction) => t as unknown as (key: string, options?: Params) => string;

/**
 * A field error from the contract or the API in the reader's language. The contract's keys
 * (`marketplace.errors.offerUrlInvalid`) are translated by the `purchases` namespace under `errors`;
 * anything else (a `validation.*` key, a server sentence) as every other form does.
 */
export function marketplaceErrorText(t: TFunction, i18n: Exists, value: string, params?: Params): string {
  if (value.startsWith(MARKETPLACE_PREFIX)) {
    const key = `purchases:errors.${value.slice(MARKETPLACE_PREFIX.length)}`;
    if (i18n.exists(key)) return prefixed(t)(key, params);
  }
  return fieldErrorText(t, i18n, value, params);
}

/**
 * The form-level message for a failed request: the server's reason when this portal knows it
 * (`insufficientBalance`, `organisationNotVerified`, `notCancellable`, …), else the error code's text.
 */
export function marketplaceFailureText(t: TFunction, i18n: Exists, error: unknown): string {
  const described = describeError(error);
  const code = described.reason?.code;
  if (code) {
    const bare = code.startsWith(MARKETPLACE_PREFIX) ? code.slice(MARKETPLACE_PREFIX.length) : code;
    const key = `purchases:errors.${bare}`;
    if (i18n.exists(key)) return prefixed(t)(key, described.reason?.params);
  }
  const form = described.fieldErrors['_form']?.[0];
  if (form) return marketplaceErrorText(t, i18n, form);
  return t(described.messageKey);
}

/** Why fulfilment refused or failed (`audienceBelowMinimum` {k}, `differencing` {k}, `privacyBudget`). */
export function failureText(t: TFunction<'purchases'>, i18n: Exists, failure: { code: string; params: Params }): string {
  const key = `purchases:failures.${failure.code}`;
  return i18n.exists(key) ? t(`failures.${failure.code}` as 'failures.unknown', failure.params) : t('failures.unknown');
}

/** "ongeveer 4.300 mensen" / "minder dan 100 mensen". */
export function audienceText(t: TFunction<'purchases'>, estimate: AudienceEstimate, language: string): string {
  return estimate.kind === 'about' ? t('audience.about', { people: formatCount(estimate.value, language) }) : t('audience.fewer', { k: formatCount(estimate.k, language) });
}

/** A count without a unit, for campaign results: "ongeveer 1.200" / "minder dan 100". */
export function countText(t: TFunction<'purchases'>, estimate: AudienceEstimate, language: string): string {
  return estimate.kind === 'about' ? t('audience.aboutCount', { count: formatCount(estimate.value, language) }) : t('audience.fewerCount', { k: formatCount(estimate.k, language) });
}

/**
 * What a request will set aside, as the server computes it (libs/marketplace reservationFor): the
 * estimate plus 10% rounded up, times the price, plus VAT rounded half up. Null below the minimum
 * audience, which cannot be bought.
 */
export function reservationCents(estimate: AudienceEstimate, pricePerMemberCents: number, vatRateBp: number): number | null {
  if (estimate.kind !== 'about' || estimate.value <= 0 || pricePerMemberCents <= 0) return null;
  const maxMembers = Math.ceil((estimate.value * 11) / 10);
  const netCents = maxMembers * pricePerMemberCents;
  return netCents + Math.round((netCents * vatRateBp) / 10_000);
}

const FIXED_BREAKDOWNS = ['ageBand', 'province', 'householdBand'] as const;
type FixedBreakdown = (typeof FIXED_BREAKDOWNS)[number];
const isFixed = (code: string): code is FixedBreakdown => (FIXED_BREAKDOWNS as readonly string[]).includes(code);

/** The breakdowns a report on this segment may offer: the profile tables, and spending for each sellable category it uses. */
export function breakdownChoices(categories: readonly string[], labels: ReferenceLabels): string[] {
  const spend = categories.filter((code) => labels.categoryKind(code) === 'sellable').map((code) => `spend:${code}`);
  return [...FIXED_BREAKDOWNS, ...spend];
}

/** The data category a breakdown reads (consent must cover it like the criteria's): as libs/reports breakdownFor. */
const BREAKDOWN_CATEGORY: Record<(typeof FIXED_BREAKDOWNS)[number], string> = { ageBand: 'profile_age', province: 'profile_region', householdBand: 'profile_household' };
export function breakdownCategory(code: string): string | undefined {
  if (isFixed(code)) return BREAKDOWN_CATEGORY[code];
  return code.startsWith('spend:') ? code.slice('spend:'.length) : undefined;
}

/** "Leeftijdsgroep", "Uitgaven aan boodschappen". */
export function breakdownLabel(t: TFunction<'purchases'>, code: string, labels: ReferenceLabels | undefined): string {
  if (isFixed(code)) return t(`breakdowns.${code}`);
  if (code.startsWith('spend:')) {
    const category = code.slice('spend:'.length);
    return t('breakdowns.spend', { category: inSentence(labels ? labels.category(category) : category) });
  }
  return code;
}

export interface CellContext {
  t: TFunction<'purchases'>;
  /** The default namespace, for the builder's spend band texts. */
  tc: TFunction;
  language: string;
  labels: ReferenceLabels | undefined;
  options: SegmentOptions | undefined;
}

/** The label of one report cell: an age band, a province, a household band, a spend band (0 = nothing spent), or unknown. */
export function cellLabel(breakdown: string, cell: string, { t, tc, language, labels, options }: CellContext): string {
  if (cell === 'unknown') return t('cells.unknown');
  const pick = (items: readonly { code: string; label: { nl: string; en: string } }[] | undefined) => {
    const item = items?.find((option) => option.code === cell);
    return item ? (language === 'en' ? item.label.en : item.label.nl) : cell;
  };
  if (breakdown === 'ageBand') return pick(options?.ageBands);
  if (breakdown === 'householdBand') return pick(options?.householdBands);
  if (breakdown === 'province') return labels ? labels.province(cell) : cell;
  if (breakdown.startsWith('spend:')) {
    if (cell === '0') return t('cells.spendNone');
    const band: SpendBandDto | undefined = options?.spendBands.find((b) => String(b.band) === cell);
    return band ? spendBandLabel(tc, band) : cell;
  }
  return cell;
}

