import { percentile } from './percentile';
import type { SegmentResult } from './segment.comparison';

export interface SegmentSummary {
  segments: number;
  exact: number;
  mismatches: SegmentResult[];
  engineP50: number;
  engineP95: number;
  engineMax: number;
  sqlP50: number;
  sqlP95: number;
  /** Median SQL time / median engine time. */
  sqlRatio: number;
}

export function summarise(results: readonly SegmentResult[]): SegmentSummary {
  const engine = results.map((r) => r.engineMs);
  const sql = results.map((r) => r.sqlMs);
  const mismatches = results.filter((r) => r.engineCount !== r.sqlCount);
  return {
    segments: results.length,
    exact: results.length - mismatches.length,
    mismatches,
    engineP50: percentile(engine, 50),
    engineP95: percentile(engine, 95),
    engineMax: Math.max(...engine),
    sqlP50: percentile(sql, 50),
    sqlP95: percentile(sql, 95),
    sqlRatio: percentile(sql, 50) / percentile(engine, 50),
  };
}

/** A plain-text table: first column left-aligned, the rest right-aligned. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const ms = (value: number) => value.toFixed(2);
export const int = (value: number) => Math.round(value).toLocaleString('en-US');

/** Engine and SQL timings by segment size, and how large the counts are: where the time goes. */
export function breakdown(results: readonly SegmentResult[]): string {
  const sizes: [string, (n: number) => boolean][] = [
    ['2-5 criteria', (n) => n <= 5],
    ['6-10 criteria', (n) => n >= 6 && n <= 10],
    ['11-15 criteria', (n) => n >= 11 && n <= 15],
    ['16-20 criteria', (n) => n >= 16],
    ['purpose insights', () => true],
    ['purpose offers', () => true],
    ['all segments', () => true],
  ];
  const rows = sizes.map(([label, test]) => {
    const group = results.filter((r) => test(r.segment.predicates) && (!label.startsWith('purpose') || label.endsWith(r.segment.purpose)));
    if (group.length === 0) return [label, '0', '-', '-', '-', '-', '-'];
    const counts = group.map((r) => r.sqlCount);
    return [
      label,
      String(group.length),
      ms(percentile(group.map((r) => r.engineMs), 50)),
      ms(percentile(group.map((r) => r.engineMs), 95)),
      ms(percentile(group.map((r) => r.sqlMs), 50)),
      int(percentile(counts, 50)),
      `${group.filter((r) => r.sqlCount >= 100).length}/${group.length}`,
    ];
  });
  return textTable(['segments', 'n', 'engine p50 ms', 'engine p95 ms', 'SQL p50 ms', 'median count', 'count >= 100'], rows);
}

export function countSpread(results: readonly SegmentResult[]): string {
  const buckets: [string, (c: number) => boolean][] = [
    ['0', (c) => c === 0],
    ['1-99', (c) => c >= 1 && c < 100],
    ['100-9,999', (c) => c >= 100 && c < 10_000],
    ['10,000-99,999', (c) => c >= 10_000 && c < 100_000],
    ['>= 100,000', (c) => c >= 100_000],
  ];
  return buckets.map(([label, test]) => `${label}: ${results.filter((r) => test(r.sqlCount)).length}`).join(', ');
}

export function mismatchReport(result: SegmentResult): string {
  const { segment } = result;
  return [
    `MISMATCH engine=${result.engineCount} sql=${result.sqlCount} purpose=${segment.purpose} industry=${segment.industry ?? 'none'} categories=${segment.categories.join(',')}`,
    `  tree: ${JSON.stringify(segment.tree)}`,
  ].join('\n');
}

/** The line CI and docs read: exactly this form, always last. */
export function lastLine(customers: number, summary: SegmentSummary): string {
  return `segments: customers=${customers} p50_ms=${ms(summary.engineP50)} p95_ms=${ms(summary.engineP95)} sql_ratio=${summary.sqlRatio.toFixed(1)} exact=${summary.exact}/${summary.segments}`;
}
