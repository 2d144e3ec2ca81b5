export { createGdprService, EXPORT_RETENTION_DAYS, purgeExpiredExports, runErasure, runExport } from './gdpr.service';
export type { GdprService } from './gdpr.service';
export { buildExportZip } from './export.builder';
