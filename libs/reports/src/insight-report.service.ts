import { DeliveryRefusedError, loadNoiseSecret, recordDelivery } from '@dd/audience';
import type { Db, Purpose } from '@dd/db';
import { DomainError } from '@dd/errors';
import { budgetPeriod, deriveNoiseKey, formatEpsilonMicro, keyedRandomSource, microToRational, noisyHistogram, type NoisyCell, type PrivacySettings } from '@dd/privacy';
import { validateSegment } from '@dd/segments';
import { privacyBudgetRepository } from './privacy-budget.repository';
import { breakdownFor } from './report-breakdowns';
import { eligibleReportMembers } from './report-members.repository';

export interface InsightReportRequest {
  /** The job (or purchase) this report belongs to: the same key always yields the same single report. */
  jobKey: string;
  organisation: { id: string; industry: string | null };
  title: string;
  segment: unknown;
  /** Breakdown codes: ageBand, province, householdBand, spend:<category>. */
  breakdowns: string[];
}

export interface InsightTable {
  breakdown: string;
  epsilon: string;
  threshold: number;
  cells: NoisyCell[];
}

export type InsightReportOutcome =
  | { status: 'charged'; reportId: string; epsilon: string; tables: InsightTable[] }
  | { status: 'refused'; reportId: string; reason: string; code: RefusalReason };

export type RefusalReason = 'below_minimum' | 'differencing' | 'advertiser_budget';

class ReportRefused extends Error {
  constructor(readonly reason: RefusalReason, message: string) {
    super(message);
  }
}

const PURPOSE: Purpose = 'insights';
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Produces an insight report and charges its privacy cost, all in one transaction keyed to the job:
 * the advertiser's monthly budget is charged (or the report refused), each member is charged if
 * their month allows it (members whose budget is spent are left out), the member set passes the
 * threshold and the differencing defence, the noisy tables are computed, and the result is stored
 * with the charges. A retried job finds the stored result and returns it: no second charge, no
 * second noise sample. The noise is keyed to the job as well, so even a crash before commit
 * reproduces the very same tables.
 */
export function createInsightReportService(deps: { db: Db; settings: PrivacySettings; now?: () => Date }) {
  const { db, settings } = deps;
  const now = deps.now ?? (() => new Date());
  let secret: Promise<Buffer> | undefined;

  function stored(row: { id: string; status: 'charged' | 'refused'; refusal: string | null; refusal_code: RefusalReason | null; result: unknown }): InsightReportOutcome {
    if (row.status === 'refused') return { status: 'refused', reportId: row.id, reason: row.refusal ?? 'refused', code: row.refusal_code ?? 'below_minimum' };
    const result = row.result as { epsilon: string; tables: InsightTable[] };
    return { status: 'charged', reportId: row.id, epsilon: result.epsilon, tables: result.tables };
  }

  async function attempt(request: InsightReportRequest, key: Buffer): Promise<InsightReportOutcome> {
    const { tree, categories } = validateSegment(request.segment);
    const breakdowns = request.breakdowns.map((code) => {
      const found = breakdownFor(code);
      if (!found) throw new DomainError('VALIDATION_FAILED', `"${code}" is not a breakdown a report can show.`, { field: 'breakdowns' });
      return found;
    });
    if (breakdowns.length === 0 || new Set(request.breakdowns).size !== breakdowns.length) {
      throw new DomainError('VALIDATION_FAILED', 'Choose one or more different breakdowns for the report.', { field: 'breakdowns' });
    }
    const at = now();
    const period = budgetPeriod(at);
    const epsilonMicro = breakdowns.length * settings.tableEpsilonMicro;
    const consentCategories = [...new Set([...categories, ...breakdowns.map((b) => b.category)])].sort();
    const query = { tree, categories: consentCategories, purpose: PURPOSE, industry: request.organisation.industry };

    return db.transaction().execute(async (trx) => {
      const existing = await privacyBudgetRepository.findReport(trx, request.jobKey);
      if (existing) return stored(existing);
      const eligible = await eligibleReportMembers(trx, query, at);
      if (eligible.length < settings.minimumAudience) {
        throw new ReportRefused('below_minimum', `Fewer than ${settings.minimumAudience} people are in this audience now.`);
      }
      if (!(await privacyBudgetRepository.chargeAdvertiser(trx, request.organisation.id, period, epsilonMicro, settings.advertiserMonthlyEpsilonMicro))) {
        throw new ReportRefused('advertiser_budget', `This report needs epsilon ${formatEpsilonMicro(epsilonMicro)}, more than is left of your organisation's privacy budget this month.`);
      }
      const charged = await privacyBudgetRepository.chargeMembers(trx, eligible.map((m) => m.customerId), period, epsilonMicro, settings.memberMonthlyEpsilonMicro);
      const members = eligible.filter((m) => charged.has(m.customerId));
      if (members.length < settings.minimumAudience) {
        throw new ReportRefused('below_minimum', `Fewer than ${settings.minimumAudience} people in this audience can be in another report this month.`);
      }
      const memberNos = Uint32Array.from(members.map((m) => m.memberNo)).sort();
      try {
        await recordDelivery(trx, { jobKey: request.jobKey, organisationId: request.organisation.id, purpose: PURPOSE, memberNos }, settings.minimumAudience);
      } catch (error) {
        if (error instanceof DeliveryRefusedError) throw new ReportRefused(error.refusal, error.message);
        throw error;
      }
      const source = keyedRandomSource(key);
      const tableEpsilon = microToRational(settings.tableEpsilonMicro);
      const tables = breakdowns.map((breakdown): InsightTable => {
        const counts = new Map(breakdown.cells.map((cell) => [cell, 0]));
        for (const member of members) {
          const cell = breakdown.cellOf(member.features);
          counts.set(cell, (counts.get(cell) ?? 0) + 1);
        }
        const table = noisyHistogram({ cells: counts, epsilon: tableEpsilon, source, threshold: settings.cellThreshold });
        return { breakdown: breakdown.code, epsilon: formatEpsilonMicro(settings.tableEpsilonMicro), threshold: table.threshold, cells: table.cells };
      });
      const result = { epsilon: formatEpsilonMicro(epsilonMicro), tables };
      const report = await privacyBudgetRepository.insertReport(trx, {
        job_key: request.jobKey, organisation_id: request.organisation.id, period, title: request.title,
        epsilon_micro: epsilonMicro, status: 'charged', refusal: null, refusal_code: null, member_count: members.length, result,
      });
      if (!report) throw new DomainError('CONFLICT', 'This report is being produced by another attempt.');
      await privacyBudgetRepository.insertMemberCharges(trx, report.id, members.map((m) => m.customerId), epsilonMicro);
      return { status: 'charged' as const, reportId: report.id, ...result };
    });
  }

  return {
    async produce(request: InsightReportRequest): Promise<InsightReportOutcome> {
      secret ??= loadNoiseSecret(db);
      const key = deriveNoiseKey(await secret, 'dd/insight-report/v1', request.jobKey);
      for (let tries = 1; ; tries++) {
        try {
          return await attempt(request, key);
        } catch (error) {
          if (error instanceof ReportRefused) {
            // The charges rolled back with the transaction; the refusal itself is kept, keyed to the job.
            await privacyBudgetRepository.insertReport(db, {
              job_key: request.jobKey, organisation_id: request.organisation.id, period: budgetPeriod(now()), title: request.title,
              epsilon_micro: request.breakdowns.length * settings.tableEpsilonMicro || 1, status: 'refused', refusal: error.message, refusal_code: error.reason, member_count: 0, result: null,
            });
            return stored((await privacyBudgetRepository.findReport(db, request.jobKey))!);
          }
          const code = (error as { code?: string }).code;
          // Deadlocks and unique races between concurrent attempts: the loser retries and finds the winner's result.
          if (tries < 5 && (RETRYABLE.has(code ?? '') || code === '23505' || (error instanceof DomainError && error.code === 'CONFLICT'))) continue;
          throw error;
        }
      }
    },

    /** One customer's privacy budget this month: what is used, by which reports. */
    async memberUsage(customerId: string) {
      const period = budgetPeriod(now());
      const [spent, charges] = await Promise.all([
        privacyBudgetRepository.memberSpend(db, customerId, period),
        privacyBudgetRepository.memberCharges(db, customerId, period),
      ]);
      return {
        period,
        budget: formatEpsilonMicro(settings.memberMonthlyEpsilonMicro),
        used: formatEpsilonMicro(spent),
        usedShare: spent / settings.memberMonthlyEpsilonMicro,
        reports: charges.map((c) => ({ id: c.id, title: c.title, advertiser: c.advertiser, at: c.created_at.toISOString(), epsilon: formatEpsilonMicro(Number(c.epsilon_micro)) })),
      };
    },
  };
}

export type InsightReportService = ReturnType<typeof createInsightReportService>;
