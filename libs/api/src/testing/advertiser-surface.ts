import { appRouter } from '../app.router';

/**
 * What an advertiser can reach: their own procedures and the public and signed-in ones. The
 * privacy tests (advertiser-privacy.spec.ts by schema, advertiser-privacy.int.spec.ts by response)
 * walk this list, so a new procedure is covered the moment it is added.
 */
interface ProcedureDef {
  _def: { meta?: { access?: string }; output?: unknown; type: string };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);
const REACHABLE = new Set(['advertiser', 'signedIn', 'public']);
export const advertiserReachable = procedures.filter(([, p]) => REACHABLE.has(p._def.meta?.access ?? '')).map(([path, p]) => ({ path, def: p._def }));

/**
 * Procedures without an output schema, each with why that is safe: they return only the caller's
 * own account (the session's viewer) or nothing. The integration test checks their responses.
 */
export const OWN_ACCOUNT_ONLY: Record<string, string> = {
  'auth.me': "the caller's own viewer (their own email and organisation)",
  'auth.signUpCustomer': 'the new account itself',
  'auth.signUpAdvertiser': 'the new account itself',
  'auth.signIn': "the caller's own viewer, or an admin's second-step challenge (a token and the admin's own new secret)",
  'auth.twoFactorVerify': "the admin's own viewer",
  'auth.twoFactorFinishSetUp': "the admin's own viewer",
  'auth.signOut': 'nothing',
  'account.setLocale': "the caller's own viewer",
};


/** The accountant's release kinds an advertiser-visible number can be computed from. */
export type ReleaseSource = 'estimate' | 'audience' | 'report' | 'campaign_stats';

const purchaseFields = (prefix: string): Record<string, readonly ReleaseSource[]> => ({
  [`${prefix}estimate.value`]: ['estimate'],
  // max members (the released estimate × 1.1) × price + VAT.
  [`${prefix}reservedCents`]: ['estimate'],
  // The billed quantity (the released audience, capped by the reservation) × price.
  [`${prefix}chargedCents`]: ['audience', 'estimate'],
});

/**
 * Every value an advertiser can receive that is about members, by procedure and field, with the
 * releases of the privacy accountant it is computed from (arithmetic on released values and on
 * settings only). advertiser-privacy.spec.ts fails on a number that is neither here nor in
 * NOT_ABOUT_MEMBERS; advertiser-privacy.int.spec.ts checks the values against the ledger.
 */
export const RELEASED_FIELDS: Record<string, Record<string, readonly ReleaseSource[]>> = {
  'advertiser.estimate': { 'estimate.value': ['estimate'] },
  'advertiser.purchases.create': purchaseFields(''),
  'advertiser.purchases.list': purchaseFields('[].'),
  'advertiser.purchases.cancel': purchaseFields(''),
  'advertiser.purchases.get': {
    ...purchaseFields(''),
    'report.tables[].cells[].count': ['report'],
    'offerStats.delivered.value': ['audience'],
    'offerStats.opened.value': ['campaign_stats'],
    'offerStats.clicked.value': ['campaign_stats'],
  },
  // The prediction's audience: an estimate release (consent for criteria and breakdowns, members with budget left).
  'advertiser.purchases.check': { 'audience.value': ['estimate'] },
  'advertiser.reports.csv': { csv: ['report'] },
  // Top-ups (bank money, not about members) less what purchases reserved and were charged.
  'billing.summary': {
    balanceCents: ['audience', 'estimate'],
    reservedCents: ['estimate'],
    'history[].amountCents': ['audience', 'estimate'],
    'history[].balanceAfterCents': ['audience', 'estimate'],
  },
  'billing.invoices': { '[].netCents': ['audience', 'estimate'], '[].vatCents': ['audience', 'estimate'], '[].totalCents': ['audience', 'estimate'] },
  'billing.invoice': {
    'lines[].quantity': ['audience', 'estimate'],
    'lines[].netCents': ['audience', 'estimate'],
    netCents: ['audience', 'estimate'],
    vatCents: ['audience', 'estimate'],
    totalCents: ['audience', 'estimate'],
  },
};

/** Numbers an advertiser receives that say nothing about members, each with why. */
export const NOT_ABOUT_MEMBERS: readonly (readonly [RegExp, string])[] = [
  [/^[\w.]+ (\[\]\.)?(estimate|offerStats\.\w+)\.k$/, 'k or the cell threshold of a "fewer than" answer: a setting'],
  [/^advertiser\.purchases\.get report\.tables\[\]\.threshold$/, 'the cell threshold: a setting'],
  [/^advertiser\.purchases\.check audience\.k$/, 'k of a "fewer than" answer: a setting'],
  [/^advertiser\.purchases\.check problems\[\]\.params\{\}$/, 'why a purchase cannot succeed: k, epsilons of the organisation’s own budget, a date'],
  [/^advertiser\.purchases\.budget (purchases|estimates)\.(usedShare|reportsLeft|campaignsLeft|questionsLeft)$/, 'the organisation’s own privacy spending this month (the ledger’s sum for its legal entity) and settings'],
  [/^advertiser\.purchases\.\w+ (\[\]\.)?failure\.params\{\}$/, 'a refusal’s parameters: k, a setting'],
  [/ (products\[\]\.)?pricePerMemberCents$/, 'the price per member: a setting'],
  [/ (lines\[\]\.)?unitPriceCents$/, 'the price per member on the invoice: a setting'],
  [/ vatRateBp$/, 'the VAT rate: a setting'],
  [/^reference\.segmentOptions spendBands\[\]\.(band|fromCents|toCents)$/, 'what each spend band means in euros: reference data'],
  [/^advertiser\.segments\.\w+ tree(\.of(\[\])?)*\.(min|max)$/, 'a spend band the advertiser chose in their own segment'],
  [/^billing\.summary history\[\]\.transactionId$/, 'the ledger transaction’s number: a platform-wide sequence (see docs/PRIVACY.md, what remains outside)'],  [/^notifications\.(unreadCount|markRead) (unread|marked)$/, 'how many of the caller’s own notifications are unread or were just marked read'],
];
