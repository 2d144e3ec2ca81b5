import { describe, expect, it } from 'vitest';
import { reportCsv, reportFileName } from './purchase-results.csv';

describe('the report as CSV', () => {
  it('lists every cell, suppressed ones with an empty count and a note, with headers in the reader’s language', () => {
    const tables = [{ breakdown: 'ageBand', epsilon: '0.25', threshold: 20, cells: [{ cell: '25-34', count: 130 }, { cell: '65+', count: null }] }];
    expect(reportCsv(tables, 'en').trim().split('\n')).toEqual([
      'Breakdown,Group,Count (with noise),Note,Epsilon',
      'ageBand,25-34,130,,0.25',
      'ageBand,65+,,Fewer than 20: not shown,0.25',
    ]);
    expect(reportCsv(tables, 'nl').split('\n')[2]).toBe('ageBand,65+,,Minder dan 20: niet getoond,0.25');
  });

  it('names the file after the title, safe for any file system', () => {
    expect(reportFileName('Fietsers in Utrecht', 'en')).toBe('insight-report-fietsers-in-utrecht.csv');
    expect(reportFileName('Café "Ñoño" / =cmd|', 'nl')).toBe('inzichtrapport-cafe-nono-cmd.csv');
    expect(reportFileName('!!!', 'en')).toBe('insight-report.csv');
  });
});
