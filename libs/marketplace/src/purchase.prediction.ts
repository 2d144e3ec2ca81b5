import type { EstimateOrganisation, EstimateService } from '@dd/audience';
import { PRODUCT_PURPOSE, type PurchaseProblem, type PurchaseProductCode, type SegmentNode } from '@dd/contract';
import { formatEpsilonMicro, reportCostMicro, type AudienceEstimate, type EntityBudget, type PrivacyAccountant, type PrivacySettings } from '@dd/privacy';
import type { Breakdown } from '@dd/reports';
import { validateSegment, type SegmentLocale } from '@dd/segments';
import { scheduleEpsilonMicro, statisticsSchedule } from './campaign-schedule';

/** What a purchase is, as far as its privacy cost and its audience go. */
export interface PurchaseShape {
  product: PurchaseProductCode;
  /** The canonical tree. */
  segment: SegmentNode;
  /** A report's breakdowns (none for a campaign). */
  breakdowns: readonly Breakdown[];
  /** A campaign's last day (YYYY-MM-DD); its statistics schedule, and so its cost, depends on it. */
  endsOn: string | null;
}

export interface PurchasePrediction {
  costMicro: number;
  /** The audience a delivery could reach now, as released (noisy); null when the budget already says no. */
  audience: AudienceEstimate;
  problems: PurchaseProblem[];
}

/**
 * Epsilon the purchase costs the legal entity and each member delivered to, by the functions
 * fulfilment charges with: a report's audience and tables, or a campaign's audience and the
 * statistics schedule fixed from its end date. A campaign is priced as if delivered now; delivered
 * later it has no more checkpoints, so the prediction never promises less than fulfilment charges.
 */
export function purchaseCostMicro(shape: Pick<PurchaseShape, 'product' | 'breakdowns' | 'endsOn'>, at: Date, settings: PrivacySettings): number {
  if (shape.product === 'insight_report') return reportCostMicro(shape.breakdowns.length, settings);
  const endsOn = shape.endsOn ?? at.toISOString().slice(0, 10);
  return settings.audienceEpsilonMicro + scheduleEpsilonMicro(statisticsSchedule(at, endsOn), settings);
}

/** The purchase pool's room this month, or a problem saying how much is missing and when it resets. */
export function budgetProblem(budget: EntityBudget, costMicro: number): PurchaseProblem | null {
  const leftMicro = Math.max(0, budget.purchases.budgetMicro - budget.purchases.spentMicro);
  if (costMicro <= leftMicro) return null;
  return {
    code: 'purchaseBudgetInsufficient',
    params: { needed: formatEpsilonMicro(costMicro), left: formatEpsilonMicro(leftMicro), resetsOn: budget.resetsAt.toISOString().slice(0, 10) },
  };
}

/**
 * Predicts, before anything is reserved, whether a purchase can succeed, with the rules fulfilment
 * decides by: the legal entity's purchase pool must cover the cost (the accountant's own check; the
 * advertiser's own spending, not about members), and the audience that consent for the criteria and
 * the breakdowns allows, among members whose month can still pay the cost, must be at least k.
 * That audience is an estimate release (noisy, charged to the estimate pool once per question and
 * month), and k is applied to the released value. When it is too small, earlier questions, also
 * releases, tell the advertiser why: the builder's question (criteria only) says the segment itself
 * is too small; the question with the breakdowns' consent but without the member budget says the
 * breakdowns' consent is missing; otherwise members' budgets are used up. No exact count decides.
 */
export function createPurchasePrediction(deps: { estimates: EstimateService; accountant: PrivacyAccountant; settings: PrivacySettings; now: () => Date }) {
  const { estimates, accountant, settings } = deps;
  const k = settings.minimumAudience;

  return async function predict(organisation: EstimateOrganisation, shape: PurchaseShape, locale: SegmentLocale): Promise<PurchasePrediction> {
    const costMicro = purchaseCostMicro(shape, deps.now(), settings);
    const purpose = PRODUCT_PURPOSE[shape.product];
    // Only what the criteria do not read already can be the breakdowns' missing consent.
    const criteria = new Set(validateSegment(shape.segment).categories);
    const extraCategories = [...new Set(shape.breakdowns.map((breakdown) => breakdown.category))].filter((category) => !criteria.has(category)).sort();
    const budget = await accountant.entityBudget({ organisationId: organisation.id, kvkNumber: organisation.kvkNumber });
    const problems: PurchaseProblem[] = [];
    const overBudget = budgetProblem(budget, costMicro);
    if (overBudget) problems.push(overBudget);

    const ask = (request: { extraCategories?: readonly string[]; memberCostMicro?: number }) =>
      estimates.estimate(organisation, { segment: shape.segment, purpose, ...request }, locale).then((answer) => answer.estimate);
    const audience = await ask({ extraCategories, memberCostMicro: costMicro });
    if (audience.kind === 'fewer-than') {
      const segment = await ask({});
      if (segment.kind === 'fewer-than') problems.push({ code: 'audienceBelowMinimum', params: { k } });
      else {
        const missing = await missingBreakdownConsent(ask, segment, extraCategories);
        problems.push(missing ? { code: 'breakdownConsentMissing', params: { k, categories: missing.join(',') } } : { code: 'memberBudgetUsed', params: { k } });
      }
    }
    return { costMicro, audience, problems };
  };
}

/** The breakdowns' categories, when the segment with their consent (members' budgets aside) falls below k. */
async function missingBreakdownConsent(
  ask: (request: { extraCategories?: readonly string[] }) => Promise<AudienceEstimate>,
  segment: AudienceEstimate,
  extraCategories: readonly string[],
): Promise<string[] | null> {
  if (extraCategories.length === 0 || segment.kind === 'fewer-than') return null;
  const withConsent = await ask({ extraCategories });
  return withConsent.kind === 'fewer-than' ? [...extraCategories] : null;
}
