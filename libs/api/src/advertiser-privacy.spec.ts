import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { advertiserReachable, NOT_ABOUT_MEMBERS, OWN_ACCOUNT_ONLY, RELEASED_FIELDS } from './testing/advertiser-surface';
import { schemaFields } from './testing/output-schema-walk';

/**
 * The privacy promise, from the schemas: no procedure an advertiser can reach (their own, and the
 * public and signed-in ones) is able to return a person, a pseudonym or a raw count. Outputs pass
 * through their schema (tRPC parses them), so what the schema cannot hold cannot leave.
 * The integration test advertiser-privacy.int.spec.ts checks real responses on real data.
 */

/** Names that stand for a person or what identifies one. */
const PERSONAL = /^(customers?|members?|users?|persons?|people|subjects?|recipients?)(Id|Ids|No|Nos|Number|Numbers)?$|email|iban|pseudonym|postcode|birth|phone|address|displayName|holder/i;

/** Fields that match PERSONAL but belong to the organisation or the platform, not a customer, with the reason. */
const NOT_A_CUSTOMER: Record<string, string> = {
  'advertiser.organisation contactEmail': "the advertiser organisation's own contact address",
  'advertiser.updateOrganisation contactEmail': "the advertiser organisation's own contact address",
  'billing.summary topUp.iban': "the platform's bank account to pay into",
  'billing.invoice seller.addressLines[]': "the platform's address on the invoice",
  'billing.invoice seller.iban': "the platform's bank account on the invoice",
  'billing.invoice buyer.contactEmail': "the buying organisation's own contact address",
  'billing.invoice buyer.addressLines[]': "the buying organisation's own postal address",
  'advertiser.organisation address.postcode': "the advertiser organisation's own postal address",
  'advertiser.updateOrganisation address.postcode': "the advertiser organisation's own postal address",
  'reference.operator addressLines[]': "the platform operator's address on the legal pages",
  'reference.operator privacyEmail': "the platform operator's privacy contact",
  'reference.operator supportEmail': "the platform operator's support address",
  'account.emailChange pending.email': 'the new address the caller typed in for their own account',
};

/** Raw counts may only leave as an AudienceEstimate ("about N", noised and rounded, or "fewer than k"). */
const COUNT = /count|members|size|audience|reach|opened|clicked|delivered|recipients/i;
const NOT_A_PERSON_COUNT: Record<string, string> = {
  'advertiser.purchases.get report.tables[].cells[].count':
    'a cell of a delivered insight report: discrete-Laplace noise at the epsilon stated on the table, null where the noisy count is under the threshold',
};

/**
 * A segment tree's groups at the depth limit are typed `unknown` but always refused (segment.tooDeep,
 * libs/contract segment.schema.ts), so nothing is ever returned there.
 */
const DEPTH_CAPPED_GROUP = /(^|\.)tree(\.of(\[\])?){4}$/;

describe('what an advertiser can receive, by schema', () => {
  it('finds the advertiser-reachable procedures (their own and the public and signed-in ones)', () => {
    const paths = advertiserReachable.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['advertiser.estimate', 'advertiser.purchases.get', 'billing.summary', 'reference.all']));
    expect(paths.some((path) => path.startsWith('admin.') || path.startsWith('consent.'))).toBe(false);
  });

  it('every one of them declares an output schema, except those that return only the caller’s own account', () => {
    const missing = advertiserReachable.filter((p) => !p.def.output && !(p.path in OWN_ACCOUNT_ONLY)).map((p) => p.path);
    expect(missing).toEqual([]);
  });

  it('no output can carry untyped data (unknown, any, a catch-all) that could hide a person', () => {
    const untyped = advertiserReachable.flatMap((p) =>
      p.def.output ? schemaFields(p.def.output).filter((f) => ['unknown', 'any', 'catchall', 'not-a-schema', 'custom'].includes(f.type) && !DEPTH_CAPPED_GROUP.test(f.path)).map((f) => `${p.path} ${f.path}`) : [],
    );
    expect(untyped).toEqual([]);
  });

  it('no output field names a person, an identifier of one or their contact details', () => {
    const personal = advertiserReachable.flatMap((p) =>
      p.def.output ? schemaFields(p.def.output).filter((f) => PERSONAL.test(f.key)).map((f) => `${p.path} ${f.path}`) : [],
    );
    expect(personal.filter((field) => !(field in NOT_A_CUSTOMER))).toEqual([]);
  });

  it('counts of people only leave as privacy-safe estimates, never as plain numbers', () => {
    const plain = advertiserReachable.flatMap((p) =>
      p.def.output ? schemaFields(p.def.output).filter((f) => COUNT.test(f.key) && (f.type === 'number' || f.type === 'bigint')).map((f) => `${p.path} ${f.path}`) : [],
    );
    expect(plain.filter((field) => !(field in NOT_A_PERSON_COUNT))).toEqual([]);
  });

  it('every number an advertiser can receive is a release of the privacy accountant (or arithmetic on releases), or not about members', () => {
    const fields = advertiserReachable.flatMap((p) =>
      p.def.output ? schemaFields(p.def.output).filter((f) => f.type === 'number' || f.type === 'bigint' || f.key === 'csv').map((f) => ({ procedure: p.path, field: f.path })) : [],
    );
    const untraced = fields.filter(({ procedure, field }) => !RELEASED_FIELDS[procedure]?.[field] && !NOT_ABOUT_MEMBERS.some(([pattern]) => pattern.test(`${procedure} ${field}`)));
    expect(untraced).toEqual([]);
    // The list names real fields only, so it cannot drift away from the schemas unnoticed.
    const walked = new Set(fields.map(({ procedure, field }) => `${procedure} ${field}`));
    const stale = Object.entries(RELEASED_FIELDS).flatMap(([procedure, byField]) => Object.keys(byField).map((field) => `${procedure} ${field}`)).filter((name) => !walked.has(name));
    expect(stale).toEqual([]);
    expect(fields.map((f) => `${f.procedure} ${f.field}`)).toEqual(expect.arrayContaining(['advertiser.purchases.get offerStats.opened.value', 'billing.invoice lines[].quantity']));
  });

  it('the walk sees through arrays, unions, nullables and records, so the checks above can fail', () => {
    const leaky = z.object({
      rows: z.array(z.object({ customerId: z.string() })),
      result: z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), memberCount: z.number() }), z.object({ kind: z.literal('b'), extra: z.unknown() })]),
      byCell: z.record(z.string(), z.object({ email: z.string().nullable() })).optional(),
    });
    const fields = schemaFields(leaky);
    expect(fields.filter((f) => PERSONAL.test(f.key)).map((f) => f.path)).toEqual(['rows[].customerId', 'byCell{}.email']);
    expect(fields.filter((f) => COUNT.test(f.key) && f.type === 'number').map((f) => f.path)).toEqual(['result.memberCount']);
    expect(fields.filter((f) => f.type === 'unknown').map((f) => f.path)).toEqual(['result.extra']);
  });
});
