import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { approvePayoutInput, requestPayoutInput, RETURN_REASON_CODES, returnPayoutInput } from '@dd/contract';
import { adminPayoutsEn } from '../admin-payouts/admin-payouts.en';
import { adminPayoutsNl } from '../admin-payouts/admin-payouts.nl';
import { resources } from '../../i18n/i18n';
import { earningsEn } from './earnings.en';
import { earningsNl } from './earnings.nl';
import { PAYOUT_REASONS, payoutReasonText, returnReasonText } from './payout-text';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

async function instance(lng: 'nl' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng, interpolation: { escapeValue: false } });
  return i18n;
}

describe('the earnings and payouts namespaces', () => {
  for (const [name, nl, en] of [
    ['earnings', earningsNl, earningsEn],
    ['adminPayouts', adminPayoutsNl, adminPayoutsEn],
  ] as const) {
    it(`${name}: the same keys and placeholders in Dutch and English, none empty`, () => {
      const nlKeys = flatten(nl as Tree);
      const enKeys = flatten(en as Tree);
      expect([...nlKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
      expect([...nlKeys, ...enKeys].filter(([, v]) => v.trim() === '')).toEqual([]);
      expect([...nlKeys].filter(([k, v]) => placeholders(v).join() !== placeholders(enKeys.get(k) ?? '').join()).map(([k]) => k)).toEqual([]);
    });
  }

  it('translates every message the payout schemas and the payout service can produce', async () => {
    const keys = new Set<string>();
    for (const input of [{ amount: 0, iban: '', accountHolder: '' }, { amount: 1.5, iban: 'NL91ABNA0417164301', accountHolder: 'x'.repeat(71) }, { amount: 5, iban: 'BR1800360305000010009795493C1', accountHolder: '李' }]) {
      for (const issue of requestPayoutInput.safeParse(input).error?.issues ?? []) keys.add(issue.message);
    }
    for (const input of [{ requestId: 'x', note: '' }, { requestId: 'x', note: 'x'.repeat(501) }]) {
      for (const issue of approvePayoutInput.safeParse(input).error?.issues ?? []) keys.add(issue.message);
    }
    for (const input of [{ requestId: 'x', reasonCode: '', note: 'x'.repeat(501) }]) {
      for (const issue of returnPayoutInput.safeParse(input).error?.issues ?? []) keys.add(issue.message);
    }
    for (const code of RETURN_REASON_CODES) keys.add(`earnings:returnReasons.${code}`);
    // Sent by the service itself (DomainError details.messageKey) and by the form.
    for (const key of ['earnings:validation.holderRequired', 'earnings:validation.holderInvalid', 'earnings:validation.amountRequired']) keys.add(key);
    for (const code of PAYOUT_REASONS) keys.add(`earnings:errors.${code}`);
    for (const lng of ['nl', 'en'] as const) {
      const i18n = await instance(lng);
      const missing = [...keys].filter((key) => key !== 'validation.invalidId' && !i18n.exists(key));
      expect(missing, lng).toEqual([]);
    }
    expect([...keys].filter((k) => k.startsWith('earnings:validation.')).length).toBeGreaterThanOrEqual(6);
  });

  it('says a payout problem with its amounts and dates in the reader’s language', async () => {
    const nl = await instance('nl');
    const en = await instance('en');
    const text = (value: string | null) => value?.replace(/\u00a0/g, ' ') ?? null;
    const reason = { code: 'overMonthlyCap', params: { monthlyCapCents: 25_000, capLeftCents: 5_050 } };
    expect(text(payoutReasonText(nl.getFixedT('nl', 'earnings'), 'nl', reason))).toBe('Je kunt maximaal € 250,00 per kalendermaand laten uitbetalen; deze maand is er nog € 50,50 over.');
    expect(text(payoutReasonText(en.getFixedT('en', 'earnings'), 'en', reason))).toBe('You can have at most € 250,00 paid out per calendar month; € 50,50 is left this month.');
    expect(payoutReasonText(nl.getFixedT('nl', 'earnings'), 'nl', { code: 'accountTooNew', params: { eligibleFrom: '2026-12-24T10:00:00.000Z', days: 30 } })).toBe(
      'Je eerste uitbetaling kan vanaf 24 december 2026.',
    );
    expect(payoutReasonText(nl.getFixedT('nl', 'earnings'), 'nl', { code: 'somethingNew', params: {} })).toBeNull();
  });

  it('names a bank’s return reason in words, and an unknown code as the code', async () => {
    const nl = (await instance('nl')).getFixedT('nl', 'earnings');
    const en = (await instance('en')).getFixedT('en', 'earnings');
    expect(returnReasonText(nl, 'AC04')).toBe('rekening opgeheven');
    expect(returnReasonText(en, 'MD07')).toBe('account holder deceased');
    expect(returnReasonText(en, 'XT99')).toBe('code XT99');
    expect(nl('payouts.returned', { reason: returnReasonText(nl, 'AC04') })).toMatch(/^Teruggestort door je bank: rekening opgeheven\. Het bedrag is weer beschikbaar/);
  });
});
