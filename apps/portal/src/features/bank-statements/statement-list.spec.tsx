import { describe, expect, it } from 'vitest';
import type { BankStatement } from '@dd/contract';
import { renderPage, textOf } from '../../app/testing/render-page';
import { StatementList } from './statement-list';

const failed = (id: string, error: NonNullable<BankStatement['error']>): BankStatement => ({
  id,
  fileName: `${id.slice(0, 4)}.xml`,
  byteSize: 1200,
  status: 'failed',
  accountIban: null,
  firstBookedOn: null,
  lastBookedOn: null,
  entriesTotal: null,
  entriesNew: null,
  entriesDuplicate: null,
  counts: { booked: 0, unmatched: 0, dismissed: 0, open: 0 },
  error,
  uploadedBy: 'Beheerder',
  createdAt: '2026-11-20T10:00:00Z',
  finishedAt: '2026-11-20T10:15:00Z',
});

const jobFailed = failed('11111111-1111-4111-8111-111111111111', {
  message: 'Reading this file failed because of a problem on our side; nothing was imported. Please upload it again.',
  code: 'importFailed',
  params: {},
  problems: [],
  totalProblems: 0,
});
const tooDeep = failed('22222222-2222-4222-8222-222222222222', {
  message: 'The file has 1 problem; nothing was imported.',
  code: 'rowProblems',
  params: { count: 1 },
  problems: [{ line: 3, column: '', code: 'xmlTooDeep', params: { limit: 32 }, message: 'The XML nests elements more than 32 levels deep.' }],
  totalProblems: 1,
});

const render = (language: 'nl' | 'en') =>
  renderPage(<StatementList />, {
    language,
    seed: (trpc, queryClient) => queryClient.setQueryData(trpc.admin.billing.statements.queryKey(), [jobFailed, tooDeep]),
  });

describe('StatementList', () => {
  it('shows a statement whose import failed as failed, with the reason, in Dutch', async () => {
    const page = textOf(await render('nl'));
    expect(page.split('Niet geïmporteerd').length - 1).toBe(2);
    expect(page).not.toContain('Wordt verwerkt');
    expect(page).toContain('Het inlezen is mislukt door een probleem bij ons; er is niets geïmporteerd. Upload het bestand nog een keer.');
    expect(page).toContain('Regel 3: De XML nest elementen meer dan 32 niveaus diep; een CAMT.053-afschrift doet dat nooit.');
  });

  it('and in English', async () => {
    const page = textOf(await render('en'));
    expect(page.split('Not imported').length - 1).toBe(2);
    expect(page).not.toContain('Processing');
    expect(page).toContain('Reading this file failed because of a problem on our side; nothing was imported. Please upload it again.');
    expect(page).toContain('Line 3: The XML nests elements more than 32 levels deep; a CAMT.053 statement never does.');
  });
});
