import { describe, expect, it } from 'vitest';
import type { UploadSummary } from '@dd/contract';
import { renderPage, textOf } from '../../app/testing/render-page';
import { UploadList } from './upload-list';

const failed = (id: string, error: NonNullable<UploadSummary['error']>): UploadSummary => ({
  id,
  fileName: `${id}.csv`,
  byteSize: 2048,
  status: 'failed',
  format: null,
  progress: 5,
  rowsTotal: null,
  rowsImported: null,
  rowsDuplicate: null,
  error,
  createdAt: '2026-11-23T10:00:00Z',
  finishedAt: '2026-11-23T10:00:02Z',
});

const badRows = failed('11111111-1111-4111-8111-111111111111', {
  message: "The file has 2 problems; nothing was imported. Line 3, column Datum: '20240231' is not a date (expected YYYYMMDD). …",
  code: 'rowProblems',
  params: { count: 2 },
  problems: [
    { line: 3, column: 'Datum', code: 'dateInvalid', params: { value: '20240231', expected: 'YYYYMMDD' }, message: "'20240231' is not a date (expected YYYYMMDD)." },
    { line: 6, column: '', code: 'someFutureCode', params: {}, message: 'Something this portal has no text for.' },
  ],
  totalProblems: 2,
});
const empty = failed('22222222-2222-4222-8222-222222222222', { message: 'The file contains no transactions.', code: 'noTransactions', params: {}, problems: [], totalProblems: 0 });
const timedOut = failed('33333333-3333-4333-8333-333333333333', {
  message: 'Reading this file did not finish within 15 minutes, so it was stopped; nothing was imported. Please upload it again.',
  code: 'importTimedOut',
  params: { minutes: 15 },
  problems: [],
  totalProblems: 0,
});
const tooDeep = failed('44444444-4444-4444-8444-444444444444', {
  message: 'The file has 1 problem; nothing was imported. Line 3: The XML nests elements more than 32 levels deep; a CAMT.053 statement never does.',
  code: 'rowProblems',
  params: { count: 1 },
  problems: [{ line: 3, column: '', code: 'xmlTooDeep', params: { limit: 32 }, message: 'The XML nests elements more than 32 levels deep; a CAMT.053 statement never does.' }],
  totalProblems: 1,
});

const render = (language: 'nl' | 'en') =>
  renderPage(<UploadList />, {
    language,
    seed: (trpc, queryClient) => queryClient.setQueryData(trpc.imports.list.queryKey(), [badRows, empty, timedOut, tooDeep]),
  });

describe('UploadList', () => {
  it('says what is wrong with a failed upload in Dutch, by line and column', async () => {
    const page = textOf(await render('nl'));
    expect(page).toContain('Regel 3, kolom Datum ‘20240231’ is geen datum (verwacht: YYYYMMDD).');
    expect(page).toContain('Er staan geen transacties in dit bestand.');
    // A code this portal does not know: the API's English message rather than nothing.
    expect(page).toContain('Regel 6 Something this portal has no text for.');
    expect(page).not.toContain('is not a date');
  });

  it('and in English', async () => {
    const page = textOf(await render('en'));
    expect(page).toContain('‘20240231’ is not a date (expected YYYYMMDD).');
    expect(page).toContain('The file contains no transactions.');
  });

  it('shows an import that failed on our side or beyond a limit as failed, with why, never as being read', async () => {
    const html = await render('nl');
    const page = textOf(html);
    expect(page).toContain('Het inlezen was na 15 minuten niet klaar en is gestopt; er is niets geïmporteerd. Upload het bestand nog een keer.');
    expect(page).toContain('Regel 3 De XML nest elementen meer dan 32 niveaus diep; een CAMT.053-afschrift doet dat nooit.');
    expect(page).not.toContain('Wordt ingelezen');
    expect(html).not.toContain('role="progressbar"');
    // "Download it again from your bank" fits a broken file (three of them), not a failure on our side.
    expect(page.split('Download het afschrift opnieuw bij je bank').length - 1).toBe(3);
    expect(page.split('Niet geïmporteerd').length - 1).toBe(4);
  });
});

