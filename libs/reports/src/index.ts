export { breakdownFor } from './report-breakdowns';
export type { Breakdown } from './report-breakdowns';
export { createInsightReportService } from './insight-report.service';
export type { InsightReportOutcome, InsightReportRequest, InsightReportService, InsightTable, RefusalReason } from './insight-report.service';
