import type { Db, Purpose } from '@dd/db';
import { DomainError } from '@dd/errors';
import {
  budgetPeriod,
  createPrivacyAccountant,
  createReleasedAudienceGate,
  formatEpsilonMicro,
  microToRational,
  noisyHistogram,
  type DeliveryGate,
  type DeliveryRefusalCode,
  type NoisyCell,
  type PrivacyAccountant,
  type PrivacySettings,
  type RandomSource,
  reportCostMicro,
} from '@dd/privacy';
import { validateSegment } from '@dd/segments';
import { privacyReportsRepository as reports } from './privacy-reports.repository';
import { breakdownFor, type Breakdown } from './report-breakdowns';
import { eligibleReportMembers, type ReportMember } from './report-members.repository';

export interface InsightReportRequest {
  /** The job (or purchase) this report belongs to: the same key always yields the same single report. */
  jobKey: string;
  /** The buyer; its KvK number names the legal entity whose budget pays. */
  organisation: { id: string; industry: string | null; kvkNumber?: string | null };
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

export type RefusalReason = DeliveryRefusalCode;

export type InsightReportOutcome =
  | { status: 'charged'; reportId: string; epsilon: string; tables: InsightTable[] }
  | { status: 'refused'; reportId: string; reason: string; code: RefusalReason };

const PURPOSE: Purpose = 'insights';
const RETRYABLE = new Set(['40P01', '40001', '23505']);

function refusalMessage(code: RefusalReason, k: number, epsilonMicro: number): string {
  if (code === 'advertiser_budget') return `This report needs epsilon ${formatEpsilonMicro(epsilonMicro)}, more than is left of your organisation's privacy budget this month.`;
  if (code === 'differencing') return `This audience differs by fewer than ${k} people from an audience that was delivered before.`;
  return `Fewer than ${k} people are in this audience now.`;
}

/**
 * Produces an insight report in one transaction keyed to the job. The audience is released through
 * the delivery gate (noisy, charged to the legal entity and, with the whole report's cost, to each
 * member whose month still allows it; the others are left out), k is applied to that released
 * value, and the tables are a second release, at the stated epsilon per table. A refusal is stored
 * in the same transaction as the release it was decided on, so the release stays paid for. A
 * retried job finds the stored result: no second charge and no second noise sample.
 */
export function createInsightReportService(deps: { db: Db; settings: PrivacySettings; now?: () => Date; accountant?: PrivacyAccountant; gate?: DeliveryGate }) {
  const { db, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const accountant = deps.accountant ?? createPrivacyAccountant({ db, settings, now });
  const gate = deps.gate ?? createReleasedAudienceGate({ accountant, settings });

  type StoredRow = NonNullable<Awaited<ReturnType<typeof reports.findReport>>>;
  function stored(row: StoredRow): InsightReportOutcome {
    if (row.status === 'refused') return { status: 'refused', reportId: row.id, reason: row.refusal ?? 'refused', code: row.refusal_code ?? 'below_minimum' };
    const result = row.result as { epsilon: string; tables: InsightTable[] };
    return { status: 'charged', reportId: row.id, epsilon: result.epsilon, tables: result.tables };
  }

  function tablesOf(breakdowns: Breakdown[], members: readonly ReportMember[], source: RandomSource): InsightTable[] {
    const tableEpsilon = microToRational(settings.tableEpsilonMicro);
    return breakdowns.map((breakdown): InsightTable => {
      const counts = new Map(breakdown.cells.map((cell) => [cell, 0]));
      for (const member of members) {
        const cell = breakdown.cellOf(member.features);
        counts.set(cell, (counts.get(cell) ?? 0) + 1);
      }
      const table = noisyHistogram({ cells: counts, epsilon: tableEpsilon, source, threshold: settings.cellThreshold });
      return { breakdown: breakdown.code, epsilon: formatEpsilonMicro(settings.tableEpsilonMicro), threshold: table.threshold, cells: table.cells };
    });
  }

  async function attempt(request: InsightReportRequest): Promise<InsightReportOutcome> {
    const { tree, categories } = validateSegment(request.segment);
    const breakdowns = request.breakdowns.map((code) => {
      const found = breakdownFor(code);
      if (!found) throw new DomainError('VALIDATION_FAILED', 'A breakdown asked for is not one a report can show.', { field: 'breakdowns' });
      return found;
    });
    if (breakdowns.length === 0 || new Set(request.breakdowns).size !== breakdowns.length) {
      throw new DomainError('VALIDATION_FAILED', 'Choose one or more different breakdowns for the report.', { field: 'breakdowns' });
    }
    const at = now();
    const period = budgetPeriod(at);
    const tablesMicro = breakdowns.length * settings.tableEpsilonMicro;
    const wholeCost = reportCostMicro(breakdowns.length, settings);
    const consentCategories = [...new Set([...categories, ...breakdowns.map((b) => b.category)])].sort();
    const query = { tree, categories: consentCategories, purpose: PURPOSE, industry: request.organisation.industry };
    const entity = { organisationId: request.organisation.id, kvkNumber: request.organisation.kvkNumber ?? null };
    const base = { job_key: request.jobKey, organisation_id: request.organisation.id, period, title: request.title, epsilon_micro: tablesMicro };

    return db.transaction().execute(async (trx) => {
      const existing = await reports.findReport(trx, request.jobKey);
      if (existing) return stored(existing);
      const refuse = async (code: RefusalReason) => {
        const row = await reports.insertReport(trx, { ...base, status: 'refused', refusal: refusalMessage(code, settings.minimumAudience, tablesMicro), refusal_code: code, member_count: 0, result: null });
        if (!row) throw new DomainError('CONFLICT', 'This report is being produced by another attempt.');
        return stored({ id: row.id, status: 'refused', refusal: refusalMessage(code, settings.minimumAudience, tablesMicro), refusal_code: code, result: null });
      };
      const eligible = (await eligibleReportMembers(trx, query, at)).sort((a, b) => a.memberNo - b.memberNo);
      const decision = await gate.decide(trx, {
        entity, key: request.jobKey, label: request.title, purpose: PURPOSE, candidates: eligible, memberCostMicro: wholeCost, requireMicro: wholeCost,
      });
      if (decision.status === 'refused') return refuse(decision.refusal);
      const delivered = new Set(decision.members);
      const members = eligible.filter((m) => delivered.has(m.customerId));
      const released = await accountant.release(trx, {
        entity, kind: 'report', key: request.jobKey, epsilonMicro: tablesMicro, label: request.title, period,
        produce: (source) => ({ epsilon: formatEpsilonMicro(tablesMicro), tables: tablesOf(breakdowns, members, source) }),
      });
      if (released.status === 'refused') return refuse('advertiser_budget');
      const result = released.release.value;
      const report = await reports.insertReport(trx, { ...base, status: 'charged', refusal: null, refusal_code: null, member_count: members.length, result });
      if (!report) throw new DomainError('CONFLICT', 'This report is being produced by another attempt.');
      return { status: 'charged' as const, reportId: report.id, ...result };
    });
  }

  return {
    async produce(request: InsightReportRequest): Promise<InsightReportOutcome> {
      for (let tries = 1; ; tries++) {
        try {
          return await attempt(request);
        } catch (error) {
          const code = (error as { code?: string }).code;
          // Deadlocks and unique races between concurrent attempts: the loser retries and finds the winner's result.
          if (tries < 5 && (RETRYABLE.has(code ?? '') || (error instanceof DomainError && error.code === 'CONFLICT'))) continue;
          throw error;
        }
      }
    },

    /** Who a delivered report was about (the members its audience release was charged to). */
    async members(jobKey: string): Promise<string[]> {
      return (await gate.delivered(db, jobKey))?.members ?? [];
    },

    /** One customer's privacy budget this month: what is used, by which purchases. */
    memberUsage: (customerId: string) => accountant.memberUsage(customerId),
  };
}

export type InsightReportService = ReturnType<typeof createInsightReportService>;
