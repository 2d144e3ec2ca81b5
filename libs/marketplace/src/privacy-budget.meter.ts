import type { PrivacyBudgetMeter } from '@dd/contract';
import { formatEpsilonMicro, reportCostMicro, type EntityBudget, type PrivacySettings } from '@dd/privacy';
import { METRICS_PER_RELEASE } from './campaign-schedule';

/** A campaign's statistics are released at most three times (a day after, a week after, at the end). */
const MAX_CHECKPOINTS = 3;

function pool(budgetMicro: number, spentMicro: number) {
  const leftMicro = Math.max(0, budgetMicro - spentMicro);
  return {
    leftMicro,
    view: {
      budget: formatEpsilonMicro(budgetMicro),
      used: formatEpsilonMicro(spentMicro),
      left: formatEpsilonMicro(leftMicro),
      usedShare: budgetMicro > 0 ? Math.min(1, spentMicro / budgetMicro) : 1,
    },
  };
}

/**
 * The budget meter: the legal entity's own spending this month per pool, and how many purchases or
 * questions still fit, in the units a person buys in. Arithmetic on the ledger's sums and settings
 * only; nothing in it is about members.
 */
export function budgetMeterOf(budget: EntityBudget, settings: PrivacySettings): PrivacyBudgetMeter {
  const purchases = pool(budget.purchases.budgetMicro, budget.purchases.spentMicro);
  const estimates = pool(budget.estimates.budgetMicro, budget.estimates.spentMicro);
  const smallestReport = reportCostMicro(1, settings);
  const longestCampaign = settings.audienceEpsilonMicro + MAX_CHECKPOINTS * METRICS_PER_RELEASE * settings.campaignStatEpsilonMicro;
  return {
    period: budget.period,
    resetsOn: budget.resetsAt.toISOString().slice(0, 10),
    purchases: {
      ...purchases.view,
      reportsLeft: Math.floor(purchases.leftMicro / smallestReport),
      campaignsLeft: Math.floor(purchases.leftMicro / longestCampaign),
    },
    estimates: { ...estimates.view, questionsLeft: Math.floor(estimates.leftMicro / settings.estimateEpsilonMicro) },
  };
}
