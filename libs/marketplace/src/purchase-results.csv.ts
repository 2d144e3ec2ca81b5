import type { ReportTable } from '@dd/contract';
import { toCsv } from '@dd/csv';

export type CsvLocale = 'nl' | 'en';

const TEXT = {
  en: { columns: ['Breakdown', 'Group', 'Count (with noise)', 'Note', 'Epsilon'], suppressed: (t: number) => `Fewer than ${t}: not shown`, prefix: 'insight-report' },
  nl: { columns: ['Uitsplitsing', 'Groep', 'Aantal (met ruis)', 'Opmerking', 'Epsilon'], suppressed: (t: number) => `Minder dan ${t}: niet getoond`, prefix: 'inzichtrapport' },
} as const;

/** A file name any operating system accepts, recognisable by the report's title. */
export function reportFileName(title: string, locale: CsvLocale): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${TEXT[locale].prefix}${slug ? `-${slug}` : ''}.csv`;
}

/**
 * One row per cell of every table, exactly what the report page shows: suppressed cells stay listed
 * (a missing row would say as much as a number) with an empty count. Written by toCsv, so a cell name
 * can never run as a spreadsheet formula.
 */
export function reportCsv(tables: readonly ReportTable[], locale: CsvLocale): string {
  const text = TEXT[locale];
  const rows = tables.flatMap((table) =>
    table.cells.map((cell) => [table.breakdown, cell.cell, cell.count, cell.count === null ? text.suppressed(table.threshold) : '', table.epsilon]),
  );
  return toCsv(rows, { columns: text.columns });
}
