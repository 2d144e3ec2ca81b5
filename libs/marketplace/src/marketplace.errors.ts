import type { ApprovalBlock, PurchaseProblem } from '@dd/contract';
import { DomainError } from '@dd/errors';

/**
 * The marketplace's refusals. Each carries a stable reason code (the portal translates
 * `marketplace.errors.<code>`) or, for one input, a field with its i18n key; `message` is the
 * English sentence for logs and the API, saying what to do next. Segment problems use the field
 * `criteria`, like the segment validator's own errors, so the builder shows them in one place.
 */

const field = (name: string, key: string, message: string) =>
  new DomainError('VALIDATION_FAILED', message, { field: name, messageKey: `marketplace.errors.${key}` });

/**
 * Approving an offer the screening blocks (a special category, a request for personal data, a link
 * that breaks the rules). Its own class so callers and tests can tell it from a race between two
 * admins (`notPendingReview`), which is a CONFLICT as well.
 */
export class OfferNotApprovableError extends DomainError {
  readonly block: ApprovalBlock;

  constructor(block: ApprovalBlock) {
    super(
      'CONFLICT',
      'This offer touches a special category, asks for personal data or has a link that breaks the link rules, so it cannot be approved. Reject it with a reason the advertiser can act on.',
      { ...block.params },
      { code: block.code, params: { ...block.params } },
    );
    this.name = 'OfferNotApprovableError';
    this.block = block;
  }
}

/** Which part of the offer the screening found something in: the form shows the error under it. */
export type ScreenedOfferField = 'title' | 'body' | 'code';

const SCREENED_KEY: Record<ScreenedOfferField, string> = { title: 'offerTitleScreened', body: 'offerBodyScreened', code: 'offerCodeScreened' };

type Params = PurchaseProblem['params'];

const PROBLEM_MESSAGES: Record<Exclude<PurchaseProblem['code'], 'audienceBelowMinimum'>, (params: Params) => string> = {
  purchaseBudgetInsufficient: (p) =>
    `This purchase needs epsilon ${p['needed']} of your organisation's privacy budget for purchases, and ${p['left']} is left this month. Choose fewer breakdowns or a shorter campaign, or buy after the budget resets on ${p['resetsOn']}.`,
  breakdownConsentMissing: (p) =>
    `Fewer than ${p['k']} people in this segment consented to the data the chosen breakdowns show. Choose other breakdowns, or fewer.`,
  memberBudgetUsed: (p) =>
    `Fewer than ${p['k']} people in this segment have privacy budget left this month for a purchase of this size. Choose fewer breakdowns, a broader segment, or try again next month.`,
};

export const marketplaceErrors = {
  organisationNotVerified: (status: string) =>
    new DomainError(
      'CONFLICT',
      'Your organisation has not been verified yet. An administrator checks new organisations before they can buy; you can prepare segments meanwhile and submit the request once you are verified.',
      { status },
      { code: 'organisationNotVerified', params: { status } },
    ),

  audienceBelowMinimum: (k: number) =>
    new DomainError(
      'VALIDATION_FAILED',
      `Fewer than ${k} people match this segment, so it cannot be bought. Broaden the criteria and try again.`,
      { field: 'criteria', messageKey: 'marketplace.errors.audienceBelowMinimum' },
      { code: 'audienceBelowMinimum', params: { k } },
    ),

  /**
   * A request that cannot succeed, refused before review and before anything is reserved: the
   * purchase budget, a breakdown's consent or members' budgets (the prediction's problems), with the
   * values the portal's sentence needs. Criteria problems sit under `criteria`, consent under `breakdowns`.
   */
  purchaseNotPossible: (problem: PurchaseProblem): DomainError => {
    if (problem.code === 'audienceBelowMinimum') return marketplaceErrors.audienceBelowMinimum(Number(problem.params['k']));
    const message = PROBLEM_MESSAGES[problem.code](problem.params);
    if (problem.code === 'purchaseBudgetInsufficient') return new DomainError('CONFLICT', message, { ...problem.params }, { code: problem.code, params: { ...problem.params } });
    const fieldName = problem.code === 'breakdownConsentMissing' ? 'breakdowns' : 'criteria';
    return new DomainError('VALIDATION_FAILED', message, { field: fieldName, messageKey: `marketplace.errors.${problem.code}` }, { code: problem.code, params: { ...problem.params } });
  },

  segmentNobody: () =>
    new DomainError('VALIDATION_FAILED', 'These criteria exclude each other, so nobody can be in this audience. Change them first.', {
      field: 'criteria',
      messageKey: 'segments.errors.nobody',
    }),

  segmentEveryone: () =>
    new DomainError('VALIDATION_FAILED', 'These criteria leave everyone in, so they describe no segment. Add a criterion that narrows the group.', {
      field: 'criteria',
      messageKey: 'segments.errors.everyone',
    }),

  // The code is not echoed: it is the caller's text, and a refusal never repeats input back.
  breakdownUnknown: () => field('breakdowns', 'breakdownUnknown', 'A breakdown asked for is not one a report can show. Choose from age band, province, household size or spending per category.'),

  breakdownsDuplicate: () => field('breakdowns', 'breakdownsDuplicate', 'Each breakdown can be chosen only once. Remove the duplicate.'),

  offerDateInvalid: () => field('offer', 'dateInvalid', 'The end date of the offer is not a date in the calendar. Choose it again.'),

  offerEndsInPast: () => field('offer', 'offerEndsInPast', 'The offer would end before today. Choose an end date from today onwards.'),

  offerEndsTooLate: (maxDays: number) => field('offer', 'offerEndsTooLate', `An offer can run for at most ${maxDays} days. Choose an earlier end date.`),

  /** At request time: the advertiser changes the text, rather than wait for a rejection. */
  offerScreened: (field: ScreenedOfferField, words: readonly string[]) =>
    new DomainError(
      'VALIDATION_FAILED',
      `The offer mentions ${words.map((word) => `"${word}"`).join(', ')}. Offers may not touch health, pregnancy, religion, politics, trade unions or sexual life, nor ask for a BSN, password, PIN or bank account number. Change the text and try again.`,
      { field: 'offer', messageKey: `marketplace.errors.${SCREENED_KEY[field]}` },
      { code: 'offerScreened', params: { words: words.join(', ') } },
    ),

  offerNotApprovable: (block: ApprovalBlock) => new OfferNotApprovableError(block),

  productNotForSale: (product: string) =>
    new DomainError('CONFLICT', 'This product has no price set, so it cannot be bought right now. Contact support.', { product }, { code: 'productNotForSale', params: { product } }),

  organisationNotFound: () => new DomainError('NOT_FOUND', 'Your organisation could not be found. Contact support.'),

  notFound: () => new DomainError('NOT_FOUND', 'This purchase request does not exist, or it belongs to another organisation.'),

  notCancellable: (status: string) =>
    new DomainError(
      'CONFLICT',
      `Only requests that are waiting for review can be cancelled; this one is ${status.replace('_', ' ')}. Reload the page to see its current state.`,
      { status },
      { code: 'notCancellable', params: { status } },
    ),

  /** For the admin: the organisation lost its verification after it asked (details changed, or withdrawn). */
  advertiserNotVerified: (status: string) =>
    new DomainError(
      'CONFLICT',
      `The advertiser's organisation is not verified now (it is ${status}): its details changed or its verification was withdrawn. Reject the request, or verify the organisation first.`,
      { status },
      { code: 'advertiserNotVerified', params: { status } },
    ),

  /** For the admin: approving now would fail at fulfilment, since the organisation's purchase budget no longer covers it. */
  privacyBudgetNotApprovable: (block: ApprovalBlock) =>
    new DomainError(
      'CONFLICT',
      `The advertiser's privacy budget for purchases this month no longer covers this request (it needs epsilon ${block.params['needed']}, ${block.params['left']} is left). Reject it with that reason; the reservation goes back.`,
      { ...block.params },
      { code: block.code, params: { ...block.params } },
    ),

  notPendingReview: (status: string) =>
    new DomainError(
      'CONFLICT',
      `This request is no longer waiting for review (it is ${status.replace('_', ' ')}); someone may have decided it just now. Reload the queue.`,
      { status },
      { code: 'notPendingReview', params: { status } },
    ),
};
