import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { BankStatement } from '@dd/contract';
import { resources } from '../../i18n/i18n';
import { finishedSince, statementProblemText, statementsRefetchInterval } from './statement-rules';

const statement = (id: string, status: BankStatement['status']): BankStatement => ({
  id,
  fileName: `${id}.xml`,
  byteSize: 100,
  status,
  accountIban: null,
  firstBookedOn: null,
  lastBookedOn: null,
  entriesTotal: null,
  entriesNew: null,
  entriesDuplicate: null,
  counts: { booked: 0, unmatched: 0, dismissed: 0, open: 0 },
  error: null,
  uploadedBy: null,
  createdAt: '2026-11-20T10:00:00Z',
  finishedAt: null,
});

describe('following statement imports', () => {
  it('polls while one is queued or processing, and stops after', () => {
    expect(statementsRefetchInterval([statement('a', 'imported'), statement('b', 'processing')])).toBe(1_000);
    expect(statementsRefetchInterval([statement('a', 'stored')])).toBe(1_000);
    expect(statementsRefetchInterval([statement('a', 'imported'), statement('b', 'failed')])).toBe(false);
    expect(statementsRefetchInterval(undefined)).toBe(false);
  });

  it('reports the statements that finished since the previous answer, not the ones that were done already', () => {
    const before = [statement('a', 'processing'), statement('b', 'imported'), statement('c', 'stored')];
    const after = [statement('a', 'imported'), statement('b', 'imported'), statement('c', 'failed'), statement('d', 'imported')];
    expect(finishedSince(before, after).map((s) => s.id)).toEqual(['a', 'c']);
    expect(finishedSince(undefined, after)).toEqual([]);
  });
});

describe('why a statement was refused, in the reader’s language', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'nl', interpolation: { escapeValue: false } });

  it('says its own problems (other account, not CAMT.053) and the import problems it shares with customers', () => {
    const t = i18n.t.bind(i18n);
    expect(statementProblemText(t, i18n, { code: 'statementAccountMismatch', params: { account: 'NL02ABNA0123456789', expected: 'NL91ABNA0417164300' }, message: 'x' })).toBe(
      'Dit afschrift is van rekening NL02ABNA0123456789, niet van de platformrekening NL91ABNA0417164300. Er is niets geboekt.',
    );
    expect(statementProblemText(t, i18n, { code: 'statementNotCamt053', params: { format: 'ING CSV' }, message: 'x' })).toMatch(/^Dit is een ING CSV-export/);
    expect(statementProblemText(t, i18n, { code: 'fileEmpty', params: {}, message: 'x' })).not.toBe('x');
    expect(statementProblemText(t, i18n, { code: 'somethingNew', params: {}, message: 'The English text.' })).toBe('The English text.');
  });
});
