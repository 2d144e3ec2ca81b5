import { NOTIFICATION_KINDS } from '@dd/contract';
import { MESSAGES, renderMessage } from '@dd/mail';
import { describe, expect, it } from 'vitest';
import { ERASURE_DONE_TEXT, NOTIFICATIONS, renderNotification } from './notification.registry';
import { lowBalanceCrossed, LOW_BALANCE_THRESHOLD_CENTS } from './low-balance';

const ID = '6a1c8c8e-8f4b-4b7e-9a53-3f3f0f2d2a11';

/** A valid example of every kind's parameters; the test fails when a kind has none. */
const EXAMPLES: Record<(typeof NOTIFICATION_KINDS)[number], Record<string, unknown>> = {
  'gdpr.exportReady': { expiresOn: '2026-12-13' },
  'offers.received': { advertiser: 'Fietsen & Zo B.V.' },
  'sales.weeklyDigest': { week: '2026-W49', sales: 3, shareCents: 1234 },
  'payouts.sent': { amountCents: 2500 },
  'payouts.returned': { amountCents: 2500, reasonCode: 'AC04' },
  'purchases.approved': { purchaseId: ID, title: 'Fietsers in Utrecht' },
  'purchases.rejected': { purchaseId: ID, title: 'Fietsers in Utrecht', reason: 'Het doel is niet duidelijk genoeg.' },
  'purchases.delivered': { purchaseId: ID, title: 'Fietsers in Utrecht' },
  'organisation.verified': { organisationName: 'Fietsen & Zo B.V.' },
  'organisation.rejected': { organisationName: 'Fietsen & Zo B.V.', reason: 'Het KvK-nummer hoort bij een andere onderneming.' },
  'billing.lowBalance': { balanceCents: 4200, thresholdCents: 5000 },
};

describe('notification registry', () => {
  it('defines every kind of the contract, and nothing else', () => {
    expect(Object.keys(NOTIFICATIONS).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it.each(NOTIFICATION_KINDS)('%s says something in Dutch and in English, different from each other, and links into the portal', (kind) => {
    const nl = renderNotification(kind, EXAMPLES[kind], 'nl');
    const en = renderNotification(kind, EXAMPLES[kind], 'en');
    for (const text of [nl, en]) {
      expect(text.title.trim().length).toBeGreaterThan(3);
      expect(text.body.trim().length).toBeGreaterThan(10);
      expect(text.body).not.toMatch(/undefined|NaN|\[object/);
      expect(text.link).toMatch(/^\/(customer|advertiser)\//);
    }
    expect(nl.title).not.toBe(en.title);
    expect(nl.body).not.toBe(en.body);
  });

  it.each(NOTIFICATION_KINDS)('%s refuses parameters that do not fit', (kind) => {
    expect(() => renderNotification(kind, { ...EXAMPLES[kind], unexpected: undefined, ...Object.fromEntries(Object.keys(EXAMPLES[kind]).map((k) => [k, null])) }, 'nl')).toThrow();
    expect(NOTIFICATIONS[kind].params.safeParse({}).success).toBe(false);
  });

  it('formats amounts and weeks per language', () => {
    expect(renderNotification('payouts.sent', { amountCents: 123456 }, 'nl').body).toMatch(/€\s1\.234,56/);
    expect(renderNotification('payouts.sent', { amountCents: 123456 }, 'en').body).toContain('€1,234.56');
    expect(renderNotification('sales.weeklyDigest', { week: '2026-W09', sales: 1, shareCents: 5 }, 'nl').title).toBe('Je gegevens in week 9 van 2026');
  });

  it('never lets a user switch off the mail about their money or account, and mails those by default', () => {
    const mandatory = NOTIFICATION_KINDS.filter((kind) => NOTIFICATIONS[kind].mandatory !== null);
    expect(mandatory.sort()).toEqual(['organisation.rejected', 'organisation.verified', 'payouts.returned', 'payouts.sent']);
    expect(NOTIFICATIONS['offers.received'].mailByDefault).toBe(false);
  });

  it('has a mail message for every kind and for the erasure, rendered with the title as subject and the link to the portal', () => {
    for (const kind of [...NOTIFICATION_KINDS, 'gdpr.erasureDone']) expect(MESSAGES.has(`notice.${kind}`)).toBe(true);
    const text = renderNotification('purchases.rejected', EXAMPLES['purchases.rejected'], 'en');
    const mail = renderMessage('notice.purchases.rejected', 'en', { displayName: 'Eva <b>', title: text.title, body: text.body, path: text.link }, 'https://portal.example');
    expect(mail.subject).toBe('Purchase rejected');
    expect(mail.text).toContain(`https://portal.example/advertiser/purchases/${ID}`);
    expect(mail.html).toContain('Eva &lt;b&gt;');
    for (const locale of ['nl', 'en'] as const) expect(ERASURE_DONE_TEXT[locale].body.length).toBeGreaterThan(20);
  });

  it('counts a low balance once, when the balance crosses below the threshold', () => {
    expect(lowBalanceCrossed(LOW_BALANCE_THRESHOLD_CENTS - 1, 10)).toBe(true);
    expect(lowBalanceCrossed(LOW_BALANCE_THRESHOLD_CENTS - 1, 1)).toBe(true);
    expect(lowBalanceCrossed(LOW_BALANCE_THRESHOLD_CENTS, 10)).toBe(false);
    // Already below before the movement: no new crossing.
    expect(lowBalanceCrossed(1000, 10)).toBe(false);
    expect(lowBalanceCrossed(1000, 0)).toBe(false);
  });
});
