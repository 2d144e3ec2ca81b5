import { strToU8, zipSync } from 'fflate';
import { toCsv, type CsvCell } from '@dd/csv';

export interface ExportSection {
  /** File name without extension; becomes `<name>.json` and, for tables, `<name>.csv`. */
  name: string;
  rows: Record<string, unknown>[] | Record<string, unknown> | null;
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

function csvCell(value: unknown): CsvCell {
  const v = plain(value);
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return JSON.stringify(v);
  return v as string | number | boolean;
}

/**
 * A ZIP with every section as JSON and every table also as CSV (machine-readable, GDPR art. 20).
 * The CSVs go through `toCsv`, so a counterparty or description that looks like a formula opens in
 * a spreadsheet as text; the JSON keeps every value exactly as stored.
 */
export function buildExportZip(sections: ExportSection[], readme: string, createdAt: Date): Buffer {
  const files: Record<string, Uint8Array> = { 'README.txt': strToU8(readme) };
  for (const section of sections) {
    files[`${section.name}.json`] = strToU8(JSON.stringify(plain(section.rows), null, 2));
    if (Array.isArray(section.rows)) {
      const columns = [...new Set(section.rows.flatMap((row) => Object.keys(row)))];
      const records = section.rows.map((row) => columns.map((column) => csvCell(row[column])));
      files[`${section.name}.csv`] = strToU8(toCsv(records, { columns }));
    }
  }
  return Buffer.from(zipSync(files, { level: 6, mtime: createdAt }));
}
