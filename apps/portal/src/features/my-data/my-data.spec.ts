import { describe, expect, it } from 'vitest';
import { STATEMENT_MAX_BYTES, type UploadSummary } from '@dd/contract';
import { fillMonths, periodMonths } from './spending-months';
import { acceptedStillInProgress, checkStatementFile, failedOnOurSide, finishedSince, isInProgress, moreProblems, uploadsRefetchInterval } from './upload-rules';

const upload = (id: string, status: UploadSummary['status']): UploadSummary => ({
  id,
  fileName: `${id}.csv`,
  byteSize: 1000,
  status,
  format: 'ing-csv',
  progress: status === 'imported' ? 100 : 40,
  rowsTotal: null,
  rowsImported: status === 'imported' ? 12 : null,
  rowsDuplicate: status === 'imported' ? 30 : null,
  error: null,
  createdAt: '2026-11-23T10:00:00Z',
  finishedAt: null,
});

describe('checkStatementFile', () => {
  it('asks for a file, and refuses empty and oversized ones before sending', () => {
    expect(checkStatementFile(null)).toBe('validation.fileRequired');
    expect(checkStatementFile({ size: 0 })).toBe('validation.fileEmpty');
    expect(checkStatementFile({ size: STATEMENT_MAX_BYTES + 1 })).toBe('validation.fileTooLarge');
    expect(checkStatementFile({ size: STATEMENT_MAX_BYTES })).toBeNull();
    expect(checkStatementFile({ size: 1200 })).toBeNull();
  });
});

describe('polling', () => {
  it('polls while an upload is stored or parsing, and stops after', () => {
    expect(uploadsRefetchInterval(undefined)).toBe(false);
    expect(uploadsRefetchInterval([upload('a', 'imported')])).toBe(false);
    expect(uploadsRefetchInterval([upload('a', 'imported'), upload('b', 'stored')])).toBe(1_000);
    expect(uploadsRefetchInterval([upload('b', 'parsing')])).toBe(1_000);
  });

  it('reports uploads that finished since the previous answer', () => {
    const before = [upload('a', 'parsing'), upload('b', 'stored'), upload('c', 'imported')];
    const after = [upload('a', 'imported'), upload('b', 'parsing'), upload('c', 'imported'), upload('d', 'failed')];
    expect(finishedSince(before, after).map((t) => [t.upload.id, t.from])).toEqual([['a', 'parsing']]);
    expect(finishedSince(undefined, after)).toEqual([]);
  });

  it('counts problems beyond the listed ones', () => {
    expect(moreProblems({ problems: [{ line: 2, column: 'Datum', code: 'dateInvalid', params: {}, message: 'bad' }], totalProblems: 13 })).toBe(12);
    expect(moreProblems({ problems: [], totalProblems: 0 })).toBe(0);
  });
});

describe('the banner of the file just uploaded', () => {
  it('stays while the list shows it stored or being read, and goes once its import ended either way', () => {
    const accepted = upload('a', 'stored');
    expect(acceptedStillInProgress(null, [upload('a', 'parsing')], isInProgress)).toBeNull();
    // Before the list has it (the answer of the upload itself): still being read.
    expect(acceptedStillInProgress(accepted, undefined, isInProgress)?.status).toBe('stored');
    expect(acceptedStillInProgress(accepted, [upload('b', 'imported'), upload('a', 'parsing')], isInProgress)?.status).toBe('parsing');
    expect(acceptedStillInProgress(accepted, [upload('a', 'imported')], isInProgress)).toBeNull();
    expect(acceptedStillInProgress(accepted, [upload('a', 'failed')], isInProgress)).toBeNull();
  });

  it('tells failures on our side from problems with the file', () => {
    expect(failedOnOurSide({ code: 'importTimedOut' })).toBe(true);
    expect(failedOnOurSide({ code: 'importFailed' })).toBe(true);
    expect(failedOnOurSide({ code: 'xmlTooDeep' })).toBe(false);
    expect(failedOnOurSide({ code: null })).toBe(false);
  });
});

describe('spending months', () => {
  it('lists every month of the period', () => {
    expect(periodMonths('2024-01-01', '2024-04-01')).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(periodMonths('2023-11-01', '2024-02-01')).toEqual(['2023-11', '2023-12', '2024-01']);
  });

  it('fills months without spending with zero', () => {
    expect(fillMonths('2024-01-01', '2024-04-01', [{ month: '2024-03', totalCents: 500 }])).toEqual([
      { month: '2024-01', totalCents: 0 },
      { month: '2024-02', totalCents: 0 },
      { month: '2024-03', totalCents: 500 },
    ]);
  });
});
