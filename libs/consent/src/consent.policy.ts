import { createHash } from 'node:crypto';

/**
 * The text a customer agrees to, versioned. Each decision records the version and a hash of this
 * exact text, so the platform can later prove what was shown when consent was given.
 */
export const CONSENT_POLICY = {
  version: '2026-11-01',
  text: [
    'You decide per data category and per purpose whether DataDividend may use your data.',
    'Insights: anonymous statistics about groups of at least 100 people may be sold to advertisers.',
    'Offers: advertisers may place offers in your DataDividend inbox; they only learn how many people received, opened or clicked them.',
    'Advertisers never receive your name, email address, full postcode, account numbers or single transactions.',
    'Health, religion, politics, trade union membership, sexual life and pregnancy are never shared.',
    'A grant can end on a date you choose, and you can withdraw it at any time; withdrawal applies at once to every sale not yet delivered.',
  ].join('\n'),
};

export const CONSENT_POLICY_HASH = createHash('sha256').update(CONSENT_POLICY.text).digest('hex');
