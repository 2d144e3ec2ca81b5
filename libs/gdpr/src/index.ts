export { createGdprService, EXPORT_RETENTION_DAYS, purgeExpiredExports, runErasure, runExport } from './gdpr.service';
export type { GdprService } from './gdpr.service';
export { buildExportZip } from './export.builder';
export { createGdprProgressService } from './gdpr-progress.service';
export type { GdprProgressService } from './gdpr-progress.service';
export { EXCLUDED_FROM_EXPORT, EXPORTED_TABLES } from './export.coverage';
