export { createGdprService, EXPORT_RETENTION_DAYS, purgeExpiredExports, runErasure, runExport } from './gdpr.service';
export type { GdprService } from './gdpr.service';
export { buildExportZip } from './export.builder';
export { createGdprProgressService } from './gdpr-progress.service';
export type { GdprProgressService } from './gdpr-progress.service';
export { EXCLUDED_FROM_EXPORT, EXPORTED_TABLES } from './export.coverage';
export { erasureJobId, failExport, sweepPendingErasures, sweepStuckExports } from './gdpr.sweep';
export { ERASURE_TIME_LIMIT_MINUTES, EXPORT_TIME_LIMIT_MINUTES } from './gdpr.limits';
