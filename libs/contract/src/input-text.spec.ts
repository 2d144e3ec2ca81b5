import { describe, expect, it } from 'vitest';
import * as contract from './index';

/**
 * Every input schema of the contract (the exports named `…Input`, which are what the API's
 * procedures take) refuses NUL, other control characters and bidi overrides in every string it
 * accepts. A valid example of each input, with every optional string filled in, is parsed once as
 * it is and then once per string in it with a forbidden character put inside that string; the
 * schema walk below makes sure no string field of a schema is missing from its example.
 */

const ID = '6a1c8c8e-8f4b-4b7e-9a53-3f3f0f2d2a11';
const SEGMENT = { op: 'all', of: [{ field: 'province', in: ['NL-UT'] }, { field: 'municipality', in: ["'s-Hertogenbosch"] }] };
const PURPOSE = 'Wij willen weten welke regio’s onze nieuwe fietsenwinkel het meest zouden gebruiken.';

const EXAMPLES: Record<string, unknown[]> = {
  adminOrganisationsInput: [{ status: 'unverified', cursor: ID, limit: 10 }],
  approvePayoutInput: [{ requestId: ID, note: 'Gecontroleerd: IBAN hoort bij de klant.' }],
  assignCreditInput: [{ entryId: 1, organisationId: ID, note: 'Referentie stond in de omschrijving.' }],
  audienceEstimateInput: [{ segment: SEGMENT, purpose: 'insights', locale: 'nl' }],
  auditSearchInput: [{ query: 'bakkerij', action: 'organisation.verified', subjectType: 'organisation', from: '2026-01-01', to: '2026-02-28', cursor: 10, limit: 50 }],
  createPayoutBatchInput: [{ requestIds: [ID] }],
  createPurchaseInput: [
    { product: 'insight_report', title: 'Fietsers in Utrecht', purposeStatement: PURPOSE, segment: SEGMENT, savedSegmentId: ID, locale: 'nl', breakdowns: ['ageBand', 'spend:groceries'] },
    {
      product: 'offer_campaign',
      title: 'Lentekorting',
      purposeStatement: PURPOSE,
      segment: SEGMENT,
      locale: 'en',
      offer: { title: 'Tien procent korting', body: 'Op alle fietsen in maart.', url: 'https://fietsen.example.nl/lente', code: 'LENTE10', endsOn: '2026-03-31' },
    },
  ],
  decidePurchaseInput: [{ id: ID, decision: 'approve' }, { id: ID, decision: 'reject', reason: 'Het doel is niet duidelijk genoeg beschreven.' }],
  dismissCreditInput: [{ entryId: 1, note: 'Dubbele boeking van de bank.' }],
  eraseAccountInput: [{ confirmEmail: 'sanne@example.nl' }],
  getSavedSegmentInput: [{ id: ID, locale: 'nl' }],
  inboxActionInput: [{ requestId: ID }],
  invoiceIdInput: [{ invoiceId: ID }],
  listPurchasesInput: [{ locale: 'nl', status: 'pending_review' }],
  purchaseCheckInput: [
    { product: 'insight_report', segment: SEGMENT, breakdowns: ['ageBand', 'spend:groceries'], locale: 'nl' },
    { product: 'offer_campaign', segment: SEGMENT, endsOn: '2026-03-31', locale: 'en' },
  ],
  listSavedSegmentsInput: [{ locale: 'en' }],
  listNotificationsInput: [{ cursor: 'WyIyMDI2LTAxLTAxIl0', limit: 20, locale: 'nl' }],
  listTransactionsInput: [{ cursor: '2024-03-15_123', limit: 50, category: 'groceries', month: '2024-03' }],
  markNotificationsReadInput: [{ id: ID }, { all: true }],
  moderationQueueInput: [{ locale: 'nl' }],
  payoutBatchIdInput: [{ batchId: ID }],
  payoutBatchesInput: [{ cursor: 'WyIyMDI2LTAxLTAxIl0', limit: 10 }],
  payoutRequestsInput: [{ status: 'open', cursor: 'WyIyMDI2LTAxLTAxIl0', limit: 10 }],
  purchaseDetailInput: [{ id: ID, locale: 'nl' }],
  purchaseIdInput: [{ id: ID }],
  recategoriseInput: [{ transactionId: 1, category: 'groceries' }],
  rejectOrganisationInput: [{ id: ID, reason: 'Het KvK-nummer hoort bij een andere onderneming.' }],
  rejectPayoutInput: [{ requestId: ID, note: 'De rekening hoort niet bij de klant.' }],
  renameSegmentInput: [{ id: ID, name: 'Reizigers in Utrecht' }],
  reportCsvInput: [{ id: ID, locale: 'en' }],
  twoFactorCodeInput: [{ token: 'Q2hhbGxlbmdlVG9rZW4tdGVzdC0xMjM0NTY3ODkwYWI', code: '123456' }, { token: 'Q2hhbGxlbmdlVG9rZW4tdGVzdC0xMjM0NTY3ODkwYWI', code: 'abcd-efgh-jkmn' }],
  twoFactorTokenInput: [{ token: 'Q2hhbGxlbmdlVG9rZW4tdGVzdC0xMjM0NTY3ODkwYWI' }],
  requestPayoutInput: [{ amount: 1250, iban: 'NL91 ABNA 0417 1643 00', accountHolder: 'S. de Vries' }],
  retryJobInput: [{ queue: 'imports', jobId: 'parse-1' }],
  setNotificationPreferenceInput: [{ kind: 'offers.received', mail: true }],
  returnPayoutInput: [{ requestId: ID, reasonCode: 'AC04', note: 'Rekening opgeheven volgens de bank.' }],
  saveSegmentInput: [{ id: ID, name: 'Reizigers in Utrecht', segment: SEGMENT, locale: 'nl' }],
  savedSegmentIdInput: [{ id: ID }],
  setLocaleInput: [{ locale: 'en' }],
  signInInput: [{ email: 'sanne@example.nl', password: 'Tulpenveld-Lente-7' }],
  verifyEmailInput: [{ token: 'a'.repeat(43) }],
  requestPasswordResetInput: [{ email: 'sanne@example.nl' }],
  checkPasswordResetInput: [{ token: 'a'.repeat(43) }],
  resetPasswordInput: [{ token: 'a'.repeat(43), password: 'Tulpenveld-Lente-7' }],
  changePasswordInput: [{ currentPassword: 'Tulpenveld-Lente-7', newPassword: 'Regenboog-Molen-77' }],
  requestEmailChangeInput: [{ email: 'sanne.nieuw@example.nl', currentPassword: 'Tulpenveld-Lente-7' }],
  confirmEmailChangeInput: [{ token: 'a'.repeat(43) }],
  endSessionInput: [{ sessionId: ID }],
  signUpAdvertiserInput: [
    {
      displayName: 'Sanne de Vries',
      email: 'sanne@example.nl',
      password: 'Tulpenveld-Lente-7',
      organisationName: 'Bakkerij Jansen',
      locale: 'nl',
      kvkNumber: '6959 9084',
      vatNumber: 'NL004495445B01',
      contactName: 'Anna Jansen',
      contactEmail: 'inkoop@bakkerij.test',
      industry: 'retail',
      address: { street: 'Oudegracht 123', postcode: '3511 AB', city: 'Utrecht', country: 'NL' },
    },
  ],
  signUpCustomerInput: [{ displayName: 'Eva Jansen', email: 'eva@example.nl', password: 'Tulpenveld-Lente-7', locale: 'nl' }],
  spendingInput: [{ months: 3 }],
  updateConsentInput: [{ changes: [{ category: 'groceries', purpose: 'insights', granted: true, expiresAt: '2027-01-01T00:00:00Z' }], excludedIndustries: ['gambling'] }],
  updateOrganisationInput: [
    {
      name: 'Bakkerij Jansen',
      kvkNumber: '69599084',
      vatNumber: 'NL004495445B01',
      contactName: 'Anna Jansen',
      contactEmail: 'inkoop@bakkerij.test',
      industry: 'retail',
      address: { street: 'Oudegracht 123', postcode: '3511 AB', city: 'Utrecht', country: 'NL' },
    },
  ],
  updateProfileInput: [{ birthYear: 1990, postcode: '3511 AB', householdSize: 2, interests: ['travel'] }],
  uploadIdInput: [{ uploadId: ID }],
  verifyOrganisationInput: [{ id: ID, detailsVersion: 'a'.repeat(64) }],
  withdrawVerificationInput: [{ id: ID, reason: 'De KvK meldt dat de onderneming is opgeheven.' }],
};

/** Checked by libs/segments against segmentSchema (walked at the end of this file), not by the input schema. */
const UNCHECKED_HERE = new Set(['segment']);

interface Schema {
  safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
  _zod: { def: Record<string, unknown> & { type: string } };
}
const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && '_zod' in value && 'safeParse' in value;

const inputSchemas = Object.entries(contract as Record<string, unknown>).filter((entry): entry is [string, Schema] => entry[0].endsWith('Input') && isSchema(entry[1]));

/** The paths (`a.b[].c`) at which a schema accepts a string of its own choosing, and those it leaves unchecked. */
function stringPaths(schema: Schema, path = '', out = { strings: new Set<string>(), unknown: new Set<string>() }, seen = new Set<unknown>()) {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = schema._zod.def;
  const walk = (child: unknown, childPath: string) => stringPaths(child as Schema, childPath, out, new Set(seen));
  switch (def.type) {
    case 'string':
      out.strings.add(path);
      break;
    case 'unknown':
    case 'any':
      out.unknown.add(path);
      break;
    case 'object':
      for (const [key, child] of Object.entries(def['shape'] as Record<string, unknown>)) walk(child, path ? `${path}.${key}` : key);
      break;
    case 'array':
      walk(def['element'], `${path}[]`);
      break;
    case 'union':
      for (const option of def['options'] as unknown[]) walk(option, path);
      break;
    case 'pipe':
      walk(def['in'], path);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      walk(def['innerType'], path);
      break;
    default:
      // enums, literals, numbers, booleans, instanceof: no free text.
      break;
  }
  return out;
}

/** Every string in a value, with its path as `set` can put it back. */
function stringsIn(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsIn(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringsIn(item, [...path, key]));
  return [];
}

const pattern = (path: (string | number)[]) => path.map((part) => (typeof part === 'number' ? '[]' : `.${part}`)).join('').replace(/^\./, '').replace(/\.\[\]/g, '[]');

function withText(value: unknown, path: (string | number)[], text: string): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let target = copy;
  for (const part of path.slice(0, -1)) target = target[part] as Record<string | number, unknown>;
  target[path.at(-1)!] = text;
  return copy;
}

const FORBIDDEN = { nul: '\u0000', bell: '\u0007', escape: '\u001b', del: '\u007f', rlo: '\u202e', isolate: '\u2067' };

describe('every input schema of the contract', () => {
  it('has a complete example here (a new input needs one)', () => {
    expect(inputSchemas.length).toBeGreaterThanOrEqual(40);
    expect(inputSchemas.map(([name]) => name).filter((name) => !EXAMPLES[name])).toEqual([]);
    expect(Object.keys(EXAMPLES).filter((name) => !inputSchemas.some(([n]) => n === name))).toEqual([]);
  });

  it.each(inputSchemas)('%s accepts its example, which fills in every string field', (name, schema) => {
    const examples = EXAMPLES[name]!;
    const covered = new Set<string>();
    for (const example of examples) {
      const result = schema.safeParse(example);
      expect(result.success, `${name}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
      for (const { path } of stringsIn(example)) covered.add(pattern(path));
    }
    const { strings, unknown } = stringPaths(schema);
    expect([...strings].filter((path) => !covered.has(path)), `string fields of ${name} missing from its example`).toEqual([]);
    expect([...unknown].filter((path) => !UNCHECKED_HERE.has(path)), `unchecked fields of ${name}`).toEqual([]);
  });

  it.each(inputSchemas)('%s refuses NUL, controls and bidi overrides in every string, at that field', (name, schema) => {
    let checked = 0;
    for (const example of EXAMPLES[name]!) {
      for (const { path, text } of stringsIn(example)) {
        if (UNCHECKED_HERE.has(String(path[0]))) continue;
        for (const [label, char] of Object.entries(FORBIDDEN)) {
          // Inside the text, where trimming cannot remove it.
          const middle = Math.max(1, Math.floor(text.length / 2));
          const result = schema.safeParse(withText(example, path, `${text.slice(0, middle)}${char}${text.slice(middle)}`));
          const where = `${name} ${pattern(path)} ${label}`;
          expect(result.success, where).toBe(false);
          expect(
            result.error?.issues.some((issue) => issue.path.join('.') === path.join('.')),
            `${where}: ${JSON.stringify(result.error?.issues)}`,
          ).toBe(true);
          checked++;
        }
      }
    }
    if (stringPaths(schema).strings.size > 0) expect(checked).toBeGreaterThan(0);
  });

  it('the segment tree (checked by the server with segmentSchema) refuses them too', () => {
    for (const char of Object.values(FORBIDDEN)) {
      expect(contract.segmentSchema.safeParse({ field: 'municipality', in: [`Utr${char}echt`] }).success).toBe(false);
      expect(contract.segmentSchema.safeParse({ field: 'interest', in: [`tra${char}vel`] }).success).toBe(false);
      expect(contract.segmentSchema.safeParse({ field: 'spend', category: `groc${char}eries`, min: 1, max: 2 }).success).toBe(false);
    }
  });
});
