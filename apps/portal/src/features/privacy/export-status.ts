import type { DataExportDto } from '@dd/contract';

export type ExportDisplayStatus = DataExportDto['status'] | 'expired';

/** A ready export without a download link has passed its retention and was deleted. */
export function exportDisplayStatus(item: Pick<DataExportDto, 'status' | 'downloadUrl'>): ExportDisplayStatus {
  return item.status === 'ready' && !item.downloadUrl ? 'expired' : item.status;
}

export function isExportActive(item: Pick<DataExportDto, 'status'>): boolean {
  return item.status === 'requested' || item.status === 'building';
}

/** Poll every 1.5 s while an export is being prepared. */
export function exportsRefetchInterval(items: readonly Pick<DataExportDto, 'status'>[] | undefined): number | false {
  return items?.some(isExportActive) ? 1_500 : false;
}

/** The confirmation must be the account's own address; compared the way the API compares it. */
export function confirmsEmail(typed: string, accountEmail: string): boolean {
  return typed.trim().toLowerCase() === accountEmail.trim().toLowerCase();
}
