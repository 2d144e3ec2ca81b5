import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { createPrivacyAccountant, type NoisyCell, type PrivacyAccountant, type PrivacySettings } from '@dd/privacy';
import { scheduledOfferStats, type OfferStatsPolicy } from './campaign-stats';
import { reportCsv, reportFileName, type CsvLocale } from './purchase-results.csv';
import { purchaseResultsRepository } from './purchase-results.repository';
import { NO_RESULTS, type PurchaseResults } from './purchase.dto';
import type { PurchaseResultsReader } from './purchase.service';

interface StoredReport {
  epsilon: string;
  tables: { breakdown: string; epsilon: string; threshold: number; cells: NoisyCell[] }[];
}

const notFound = () => new DomainError('NOT_FOUND', 'This purchase request does not exist or belongs to another organisation.');

function toReport(result: StoredReport): PurchaseResults['report'] {
  return {
    epsilon: result.epsilon,
    tables: result.tables.map((t) => ({
      breakdown: t.breakdown,
      epsilon: t.epsilon,
      threshold: t.threshold,
      cells: t.cells.map((c) => ({ cell: c.key, count: c.suppressed ? null : c.count })),
    })),
  };
}

/**
 * Results of a purchase for the advertiser who bought it. Nothing here is exact, and everything is
 * a release of the privacy accountant: report tables are the stored report release; a campaign's
 * delivered count is the audience released at delivery, its opened and clicked counts the releases
 * of its statistics schedule (campaign-stats.ts).
 */
export function createPurchaseResultsService(deps: { db: Db; settings: PrivacySettings; accountant?: PrivacyAccountant; offerStats?: OfferStatsPolicy; now?: () => Date }) {
  const { db, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const offerStats = deps.offerStats ?? scheduledOfferStats({ db, settings, now, accountant: deps.accountant ?? createPrivacyAccountant({ db, settings, now }) });

  async function ownRequest(organisationId: string | undefined, requestId: string) {
    const request = organisationId ? await purchaseResultsRepository.request(db, organisationId, requestId) : undefined;
    if (!request) throw notFound();
    return request;
  }

  async function storedReport(reportId: string | null): Promise<PurchaseResults['report']> {
    const row = reportId ? await purchaseResultsRepository.report(db, reportId) : undefined;
    return row?.status === 'charged' && row.result ? toReport(row.result as StoredReport) : null;
  }

  async function results(organisationId: string | undefined, requestId: string): Promise<PurchaseResults> {
    const request = await ownRequest(organisationId, requestId);
    if (request.status !== 'delivered') return NO_RESULTS;
    return {
      report: request.product === 'insight_report' ? await storedReport(request.report_id) : null,
      offerStats:
        request.product === 'offer_campaign'
          ? await offerStats({
              request: { id: request.id, organisationId: request.organisation_id, kvkNumber: request.kvk_number, title: request.title },
              counts: (before) => purchaseResultsRepository.offerCounts(db, request.id, before),
            })
          : null,
      invoiceId: request.sale_id ? await purchaseResultsRepository.invoiceId(db, request.sale_id) : null,
    };
  }

  /** The reader createPurchaseService takes (`results`): the request's detail shows what fulfilment produced. */
  const reader: PurchaseResultsReader = (_db, row) => results(row.organisation_id, row.id);

  return {
    /** Empty results (all null) until the request is delivered; NOT_FOUND for another organisation's request. */
    results,
    reader,

    /** The delivered insight report as a CSV file, with column names in the reader's language. */
    async reportCsv(organisationId: string | undefined, requestId: string, locale: CsvLocale): Promise<{ fileName: string; csv: string }> {
      const request = await ownRequest(organisationId, requestId);
      const report = request.status === 'delivered' && request.product === 'insight_report' ? await storedReport(request.report_id) : null;
      if (!report) throw new DomainError('NOT_FOUND', 'This request has no delivered insight report to download.');
      return { fileName: reportFileName(request.title, locale), csv: reportCsv(report.tables, locale) };
    },
  };
}

export type PurchaseResultsService = ReturnType<typeof createPurchaseResultsService>;
