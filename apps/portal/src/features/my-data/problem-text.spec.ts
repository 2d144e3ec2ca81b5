import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { IMPORT_PROBLEM_CODES } from '@dd/contract';
import { resources } from '../../i18n/i18n';
import { problemText } from './problem-text';

async function i18nIn(lng: 'nl' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng, interpolation: { escapeValue: false } });
  return i18n;
}

describe('problemText', () => {
  it('says a row problem in Dutch or English from its code and values', async () => {
    const problem = { code: 'dateInvalid', params: { value: '20240231', expected: 'YYYYMMDD' }, message: "'20240231' is not a date (expected YYYYMMDD)." };
    const nl = await i18nIn('nl');
    const en = await i18nIn('en');
    expect(problemText(nl.t, nl, problem)).toBe('‘20240231’ is geen datum (verwacht: YYYYMMDD).');
    expect(problemText(en.t, en, problem)).toBe('‘20240231’ is not a date (expected YYYYMMDD).');
  });

  it('writes numbers the way the reader does and picks singular or plural', async () => {
    const nl = await i18nIn('nl');
    const en = await i18nIn('en');
    const tooMany = { code: 'tooManyRows', params: { limit: 200_000 }, message: 'The file has more than 200,000 transactions.' };
    expect(problemText(nl.t, nl, tooMany)).toBe('Dit bestand heeft meer dan 200.000 transacties. Download een kortere periode en upload die in delen.');
    expect(problemText(en.t, en, tooMany)).toBe('This file has more than 200,000 transactions. Export a shorter period and upload it in parts.');
    expect(problemText(nl.t, nl, { code: 'rowProblems', params: { count: 1 }, message: '' })).toBe('Het bestand heeft 1 probleem; er is niets geïmporteerd.');
    expect(problemText(nl.t, nl, { code: 'rowProblems', params: { count: 1200 }, message: '' })).toBe('Het bestand heeft 1200 problemen; er is niets geïmporteerd.');
  });

  it('names the supported formats for a file that is no statement', async () => {
    const nl = await i18nIn('nl');
    const formats = 'ING CSV, Rabobank CSV, ABN AMRO TAB, CAMT.053 XML';
    expect(problemText(nl.t, nl, { code: 'formatUnsupported', params: { formats }, message: '' })).toBe(
      `We kunnen dit bestand niet lezen als bankafschrift. Upload het precies zoals je bank het gaf, in een van deze formaten: ${formats}.`,
    );
    expect(problemText(nl.t, nl, { code: 'xmlNotCamt053', params: { formats }, message: '' })).toContain('geen CAMT.053-afschrift');
  });

  it('falls back to the English message for an unknown code or none', async () => {
    const nl = await i18nIn('nl');
    expect(problemText(nl.t, nl, { code: 'somethingNew', params: {}, message: 'Something new is wrong.' })).toBe('Something new is wrong.');
    expect(problemText(nl.t, nl, { code: null, params: {}, message: 'Stored before problems had codes.' })).toBe('Stored before problems had codes.');
  });

  it('has a Dutch and an English text for every code the API can send', async () => {
    for (const lng of ['nl', 'en'] as const) {
      const i18n = await i18nIn(lng);
      for (const code of IMPORT_PROBLEM_CODES) {
        const text = problemText(i18n.t, i18n, { code, params: { count: 2 }, message: 'ENGLISH FALLBACK' });
        expect(text, `${lng} ${code}`).not.toBe('ENGLISH FALLBACK');
      }
    }
  });
});
