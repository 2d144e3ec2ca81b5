import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { createPurchaseInput, decidePurchaseInput, moderationCheckCodeSchema, purchaseStatusSchema } from '@dd/contract';
import { resources } from '../../i18n/i18n';
import { moderationEn } from '../moderation/moderation.en';
import { moderationNl } from '../moderation/moderation.nl';
import { offersEn } from '../offers/offers.en';
import { offersNl } from '../offers/offers.nl';
import { failureText, marketplaceErrorText, marketplaceFailureText, reservationCents } from './marketplace-text';
import { offerFieldOf } from './offer-fields';
import { purchasesEn } from './purchases.en';
import { purchasesNl } from './purchases.nl';

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

async function instance(language: 'nl' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: language, interpolation: { escapeValue: false } });
  return i18n;
}

/** Every message the marketplace's form schemas can produce, from a handful of bad inputs. */
function contractMessages(): string[] {
  const segment = { field: 'ageBand', in: ['25-34'] };
  const long = (n: number) => 'x'.repeat(n);
  const inputs: unknown[] = [
    { product: 'insight_report', title: '', purposeStatement: 'kort', segment, breakdowns: [] },
    { product: 'insight_report', title: long(121), purposeStatement: long(1001), segment, breakdowns: Array.from({ length: 7 }, (_, i) => `b${i}`) },
    { product: 'offer_campaign', title: 'T', purposeStatement: long(30), segment, offer: { title: '', body: '', endsOn: 'soon' } },
    { product: 'offer_campaign', title: 'T', purposeStatement: long(30), segment, offer: { title: 'T', body: 'B', endsOn: '2026-12-31' } },
    { product: 'offer_campaign', title: 'T', purposeStatement: long(30), segment, offer: { title: long(81), body: long(601), url: 'http://x', code: long(41), endsOn: '2026-12-31' } },
    // Markup, and each way a link can break the rules.
    { product: 'offer_campaign', title: 'T', purposeStatement: long(30), segment, offer: { title: '<b>T</b>', body: '<script>x</script>', url: 'https://a@b.example', code: '<i>C</i>', endsOn: '2026-12-31' } },
    { product: 'offer_campaign', title: 'T', purposeStatement: long(30), segment, offer: { title: 'T\u202Ex', body: 'B\u0000x', code: 'C\u2067x', url: 'https://a.example', endsOn: '2026-12-31' } },
    ...['https://a.example\\b', 'https://a.example/\u202Ex', 'https://localhost'].map((url) => ({
      product: 'offer_campaign',
      title: 'T',
      purposeStatement: long(30),
      segment,
      offer: { title: 'T', body: 'B', url, endsOn: '2026-12-31' },
    })),
  ];
  const messages = new Set<string>();
  for (const input of inputs) for (const issue of createPurchaseInput.safeParse(input).error?.issues ?? []) messages.add(issue.message);
  for (const reason of ['kort', long(1001)]) {
    for (const issue of decidePurchaseInput.safeParse({ id: '00000000-0000-4000-8000-000000000001', decision: 'reject', reason }).error?.issues ?? []) messages.add(issue.message);
  }
  return [...messages].filter((message) => message.startsWith('marketplace.errors.')).sort();
}

describe('marketplace texts', () => {
  it('has the same keys and placeholders in Dutch and English, none empty', () => {
    for (const [nl, en] of [
      [purchasesNl, purchasesEn],
      [moderationNl, moderationEn],
      [offersNl, offersEn],
    ] as [Tree, Tree][]) {
      const nlKeys = flatten(nl);
      const enKeys = flatten(en);
      expect([...nlKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
      for (const [key, value] of nlKeys) {
        expect(value.trim(), key).not.toBe('');
        expect(placeholders(value), key).toEqual(placeholders(enKeys.get(key) ?? ''));
      }
    }
  });

  it('translates every marketplace.errors key the contract can produce, in both languages', async () => {
    const messages = contractMessages();
    expect(messages.length).toBeGreaterThanOrEqual(22);
    expect(messages).toEqual(
      expect.arrayContaining([
        'marketplace.errors.offerTitleMarkup',
        'marketplace.errors.offerBodyMarkup',
        'marketplace.errors.offerCodeMarkup',
        'marketplace.errors.offerUrlNotHttps',
        'marketplace.errors.offerUrlUserinfo',
        'marketplace.errors.offerUrlBackslash',
        'marketplace.errors.offerUrlHiddenCharacters',
        'marketplace.errors.offerUrlInvalid',
        'marketplace.errors.offerTitleHiddenCharacters',
        'marketplace.errors.offerBodyHiddenCharacters',
        'marketplace.errors.offerCodeHiddenCharacters',
      ]),
    );
    for (const language of ['nl', 'en'] as const) {
      const i18n = await instance(language);
      for (const key of messages) {
        const text = marketplaceErrorText(i18n.t, i18n, key);
        expect(text, `${language} ${key}`).not.toBe(i18n.t('validation.invalid'));
        expect(text, `${language} ${key}`).not.toContain('marketplace.errors');
      }
    }
  });

  it('knows which offer field each offer error belongs to', () => {
    expect(offerFieldOf('marketplace.errors.offerLinkOrCode')).toBe('offer.url');
    expect(offerFieldOf('marketplace.errors.offerBodyTooLong')).toBe('offer.body');
    expect(offerFieldOf('marketplace.errors.dateInvalid')).toBe('offer.endsOn');
    expect(offerFieldOf('marketplace.errors.somethingElse')).toBeUndefined();
    expect(offerFieldOf('marketplace.errors.offerUrlUserinfo')).toBe('offer.url');
    expect(offerFieldOf('marketplace.errors.offerBodyMarkup')).toBe('offer.body');
    expect(offerFieldOf('marketplace.errors.offerCodeHiddenCharacters')).toBe('offer.code');
    // The server's screening at request time points at the field that holds the words.
    expect(offerFieldOf('marketplace.errors.offerTitleScreened')).toBe('offer.title');
    expect(offerFieldOf('marketplace.errors.offerBodyScreened')).toBe('offer.body');
    expect(offerFieldOf('marketplace.errors.offerCodeScreened')).toBe('offer.code');
  });

  it('says which words the screening found, in both languages', async () => {
    const nl = await instance('nl');
    const en = await instance('en');
    expect(marketplaceErrorText(nl.t, nl, 'marketplace.errors.offerBodyScreened', { words: 'zwanger, bsn' })).toContain('De tekst noemt ‘zwanger, bsn’.');
    expect(marketplaceErrorText(en.t, en, 'marketplace.errors.offerTitleScreened', { words: 'bsn' })).toContain('The headline mentions ‘bsn’.');
    const refused = { data: { domainCode: 'CONFLICT', reason: { code: 'offerNotApprovable', params: { words: 'bsn', topics: 'bsn', links: '' } } } };
    expect(marketplaceFailureText(en.t, en, refused)).toContain('This offer cannot be approved');
  });

  it('names every status and every automatic check', async () => {
    const i18n = await instance('nl');
    for (const status of purchaseStatusSchema.options) expect(i18n.exists(`purchases:statuses.${status}`), status).toBe(true);
    for (const code of moderationCheckCodeSchema.options) {
      expect(i18n.exists(`moderation:checks.${code}.passed`), code).toBe(true);
      expect(i18n.exists(`moderation:checks.${code}.failed`), code).toBe(true);
    }
  });

  it('translates failures with their parameters, and a server reason it knows', async () => {
    const en = await instance('en');
    expect(failureText(en.getFixedT('en', 'purchases'), en, { code: 'audienceBelowMinimum', params: { k: 100 } })).toContain('fewer than 100 people');
    expect(failureText(en.getFixedT('en', 'purchases'), en, { code: 'new', params: {} })).toContain('Something went wrong during fulfilment');
    const error = { data: { domainCode: 'CONFLICT', reason: { code: 'insufficientBalance', params: {} } } };
    expect(marketplaceFailureText(en.t, en, error)).toBe('Your balance is not enough to reserve this amount. Top up your balance first.');
    expect(marketplaceFailureText(en.t, en, { data: { domainCode: 'UNAVAILABLE' } })).toBe(en.t('errors.UNAVAILABLE'));
  });

  it('reserves members × price incl. VAT, and nothing below the minimum audience', () => {
    expect(reservationCents({ kind: 'about', value: 4_300 }, 2, 2_100)).toBe(11_447);
    expect(reservationCents({ kind: 'about', value: 4_300 }, 15, 2_100)).toBe(85_850);
    expect(reservationCents({ kind: 'fewer-than', k: 100 }, 2, 2_100)).toBeNull();
  });
});
