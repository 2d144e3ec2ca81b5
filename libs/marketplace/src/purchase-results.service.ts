import { loadNoiseSecret } from '@dd/audience';
import type { OfferStats } from '@dd/contract';
import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { microToRational, publishEstimate, type AudienceEstimate, type NoisyCell, type PrivacySettings } from '@dd/privacy';
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
 * Results of a purchase for the advertiser who bought it. Nothing here is exact: report tables are
 * stored noisy, and campaign counts are published like estimates, with discrete Laplace noise and
 * "fewer than" below k (delivered) or the cell threshold (opened, clicked). The noise is keyed to the
 * request, the metric and the true count, so reloading the page shows the same numbers and a new
 * draw only comes with a new true count: nothing to average away.
 */
export function createPurchaseResultsService(deps: { db: Db; settings: PrivacySettings }) {
  const { db, settings } = deps;
  let secret: Promise<Buffer> | undefined;

  async function publish(requestId: string, metric: string, trueCount: number, minimum: number): Promise<AudienceEstimate> {
    secret ??= loadNoiseSecret(db);
    return publishEstimate({
      trueCount,
      epsilon: microToRational(settings.estimateEpsilonMicro),
      key: `dd/offer-stats/v1\u0000${requestId}\u0000${metric}\u0000${trueCount}`,
      secret: await secret,
      minimumAudience: minimum,
    });
  }

  async function offerStats(requestId: string): Promise<OfferStats> {
    const counts = await purchaseResultsRepository.offerCounts(db, requestId);
    const [delivered, opened, clicked] = await Promise.all([
      publish(requestId, 'delivered', counts.delivered, settings.minimumAudience),
      publish(requestId, 'opened', counts.opened, settings.cellThreshold),
      publish(requestId, 'clicked', counts.clicked, settings.cellThreshold),
    ]);
    return { delivered, opened, clicked };
  }

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
      offerStats: request.product === 'offer_campaign' ? await offerStats(request.id) : null,
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
