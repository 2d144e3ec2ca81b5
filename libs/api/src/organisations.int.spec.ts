import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { rejection } from './testing/actors';
import { createTestClient } from './testing/test-context';

const PASSWORD = 'Zonnebloem-Akker-42';
const DETAILS = { kvkNumber: '12345678', vatNumber: 'NL123456789B01', contactName: 'Sanne de Vries', contactEmail: 'inkoop@bakkerij.test', industry: 'groceries' };

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1 });
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});


const client = () => createTestClient(tdb.db, redis.queues, undefined, { services });

async function advertiser(extra: Partial<typeof DETAILS> = {}, organisationName = 'Bakkerij de Graaf') {
  const c = client();
  const email = `Adv-${randomUUID()}@Example.nl`;
  const viewer = await (await c.call()).auth.signUpAdvertiser({ displayName: 'Sanne de Vries', email, password: PASSWORD, organisationName, locale: 'nl', ...extra });
  return { client: c, viewer, email: email.toLowerCase(), organisationId: viewer.organisation!.id };
}

async function admin() {
  await services.accounts.ensureAdmin('beheer-org@example.nl', PASSWORD);
  const c = client();
  await (await c.call()).auth.signIn({ email: 'beheer-org@example.nl', password: PASSWORD });
  return c;
}

describe('organisation registration at sign-up', () => {
  it('stores the details normalised, with the account email as the default contact', async () => {
    const { client: c, email } = await advertiser({ kvkNumber: ' 1234 56.78 ', vatNumber: 'nl 1234.56789 b01', contactName: '  Sanne de Vries ', industry: 'groceries' });
    const organisation = await (await c.call()).advertiser.organisation();
    expect(organisation).toMatchObject({
      name: 'Bakkerij de Graaf',
      status: 'unverified',
      kvkNumber: '12345678',
      vatNumber: 'NL123456789B01',
      contactName: 'Sanne de Vries',
      contactEmail: email,
      industry: 'groceries',
      rejectionReason: null,
      missing: [],
    });
  });

  it('keeps signing up with only the organisation name, and lists what is missing', async () => {
    const { client: c } = await advertiser();
    const organisation = await (await c.call()).advertiser.organisation();
    expect(organisation.kvkNumber).toBeNull();
    expect(organisation.missing).toEqual(['kvkNumber', 'vatNumber', 'contactName', 'industry']);
  });

  it('answers malformed numbers and an unknown industry with field errors', async () => {
    const c = client();
    const base = { displayName: 'Piet', email: `p-${randomUUID()}@example.nl`, password: PASSWORD, organisationName: 'Piet BV' };
    const numbers = await rejection((await c.call()).auth.signUpAdvertiser({ ...base, kvkNumber: '1234567', vatNumber: 'NL123456789', contactEmail: 'geen-adres' }));
    expect(c.errorShape(numbers, 'auth.signUpAdvertiser').data).toMatchObject({
      domainCode: 'VALIDATION_FAILED',
      fieldErrors: {
        kvkNumber: ['organisation:validation.kvkInvalid'],
        vatNumber: ['organisation:validation.vatInvalid'],
        contactEmail: ['organisation:validation.contactEmailInvalid'],
      },
    });
    const industry = await rejection((await c.call()).auth.signUpAdvertiser({ ...base, industry: 'kolencentrale' }));
    expect(c.errorShape(industry, 'auth.signUpAdvertiser').data).toMatchObject({ fieldErrors: { industry: ['organisation:validation.industryUnknown'] } });
    // Nothing was created by the refused attempts: the address is still free.
    await expect((await c.call()).auth.signUpAdvertiser(base)).resolves.toMatchObject({ role: 'advertiser' });
  });
});

describe('advertiser.updateOrganisation', () => {
  it('completes an unverified organisation and stays unverified', async () => {
    const { client: c } = await advertiser();
    const updated = await (await c.call()).advertiser.updateOrganisation({ name: 'Bakkerij de Graaf B.V.', ...DETAILS, vatNumber: 'nl123456789b01' });
    expect(updated).toMatchObject({ name: 'Bakkerij de Graaf B.V.', status: 'unverified', vatNumber: 'NL123456789B01', missing: [] });
  });

  it('resubmits a rejected organisation, and a verified one cannot change its KvK or VAT number', async () => {
    const { client: c, organisationId } = await advertiser(DETAILS);
    const a = await admin();
    await (await a.call()).admin.organisations.reject({ id: organisationId, reason: 'Het KvK-nummer hoort bij een andere onderneming.' });
    const rejected = await (await c.call()).advertiser.organisation();
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'Het KvK-nummer hoort bij een andere onderneming.' });

    const resubmitted = await (await c.call()).advertiser.updateOrganisation({ name: 'Bakkerij de Graaf', ...DETAILS, kvkNumber: '87654321' });
    expect(resubmitted).toMatchObject({ status: 'unverified', kvkNumber: '87654321', rejectionReason: null, decidedAt: null });
    const log = await (await a.call()).admin.audit.search({ action: 'organisation.resubmitted', query: organisationId });
    expect(log.entries).toHaveLength(1);

    await (await a.call()).admin.organisations.verify({ id: organisationId });
    const locked = await rejection((await c.call()).advertiser.updateOrganisation({ name: 'Bakkerij de Graaf', ...DETAILS, kvkNumber: '11112222' }));
    expect(c.errorShape(locked, 'advertiser.updateOrganisation').data).toMatchObject({
      domainCode: 'CONFLICT',
      fieldErrors: { kvkNumber: ['organisation:errors.lockedWhenVerified'] },
    });
    const vat = await rejection((await c.call()).advertiser.updateOrganisation({ name: 'Bakkerij de Graaf', ...DETAILS, kvkNumber: '87654321', vatNumber: 'NL999999999B01' }));
    expect(c.errorShape(vat, 'advertiser.updateOrganisation').data).toMatchObject({ fieldErrors: { vatNumber: ['organisation:errors.lockedWhenVerified'] } });
    // The contact may still change.
    const contact = await (await c.call()).advertiser.updateOrganisation({ name: 'Bakkerij de Graaf', ...DETAILS, kvkNumber: '87654321', contactName: 'Joost Bakker' });
    expect(contact).toMatchObject({ status: 'verified', contactName: 'Joost Bakker', kvkNumber: '87654321' });
  });
});

describe('admin verification', () => {
  it('lists organisations by status with their details, paged', async () => {
    const made = [await advertiser(DETAILS, 'Lijst Een'), await advertiser(DETAILS, 'Lijst Twee'), await advertiser(DETAILS, 'Lijst Drie')];
    const a = await admin();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await (await a.call()).admin.organisations.list({ status: 'unverified', limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      for (const item of page.items) expect(item.status).toBe('unverified');
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    // The waiting queue reads oldest first: the three appear in the order they signed up.
    const ours = seen.filter((id) => made.some((m) => m.organisationId === id));
    expect(ours).toEqual(made.map((m) => m.organisationId));
    const first = (await (await a.call()).admin.organisations.list({ status: 'unverified', limit: 100 })).items.find((i) => i.id === made[0]!.organisationId);
    expect(first).toMatchObject({ name: 'Lijst Een', kvkNumber: '12345678', accounts: 1, missing: [] });
  });

  it('refuses to verify an incomplete organisation and says what is missing', async () => {
    const { organisationId } = await advertiser({ kvkNumber: '12345678' });
    const a = await admin();
    const error = await rejection((await a.call()).admin.organisations.verify({ id: organisationId }));
    const shape = a.errorShape(error, 'admin.organisations.verify');
    expect(shape.data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'incomplete', params: { missing: 'vatNumber,contactName,industry' } } });
    expect(shape.message).toContain('VAT number, contact name, industry are missing');
  });

  it('verifies once and rejects once, each with an audit entry', async () => {
    const first = await advertiser(DETAILS, 'Verifieer BV');
    const second = await advertiser(DETAILS, 'Afwijs BV');
    const a = await admin();
    const verified = await (await a.call()).admin.organisations.verify({ id: first.organisationId });
    expect(verified).toMatchObject({ status: 'verified', rejectionReason: null });
    expect(verified.decidedAt).not.toBeNull();
    expect((await (await first.client.call()).auth.me())!.organisation!.status).toBe('verified');

    const again = await rejection((await a.call()).admin.organisations.verify({ id: first.organisationId }));
    expect(again.code).toBe('CONFLICT');
    const rejectVerified = await rejection((await a.call()).admin.organisations.reject({ id: first.organisationId, reason: 'Toch maar niet, te laat.' }));
    expect(rejectVerified.code).toBe('CONFLICT');

    const short = await rejection((await a.call()).admin.organisations.reject({ id: second.organisationId, reason: 'te kort' }));
    expect(a.errorShape(short, 'admin.organisations.reject').data).toMatchObject({ fieldErrors: { reason: ['adminOrganisations:validation.reasonTooShort'] } });
    await (await a.call()).admin.organisations.reject({ id: second.organisationId, reason: 'Geen bestaand btw-nummer.' });
    const twice = await rejection((await a.call()).admin.organisations.reject({ id: second.organisationId, reason: 'Geen bestaand btw-nummer.' }));
    expect(twice.code).toBe('CONFLICT');

    const verifiedLog = await (await a.call()).admin.audit.search({ action: 'organisation.verified', query: first.organisationId });
    expect(verifiedLog.entries).toHaveLength(1);
    expect(verifiedLog.entries[0]).toMatchObject({ actorRole: 'admin', subjectType: 'organisation', subjectId: first.organisationId, details: { name: 'Verifieer BV' } });
    const rejectedLog = await (await a.call()).admin.audit.search({ query: 'bestaand btw' });
    expect(rejectedLog.entries.map((e) => [e.action, e.subjectId])).toEqual([['organisation.rejected', second.organisationId]]);

    const missing = await rejection((await a.call()).admin.organisations.verify({ id: randomUUID() }));
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('is for admins only', async () => {
    const { client: c, organisationId } = await advertiser(DETAILS);
    for (const call of [
      async () => (await c.call()).admin.organisations.list({}),
      async () => (await c.call()).admin.organisations.verify({ id: organisationId }),
      async () => (await c.call()).admin.organisations.reject({ id: organisationId, reason: 'Ik keur mezelf af.' }),
      async () => (await c.call()).admin.audit.search({}),
      async () => (await c.call()).admin.jobs.overview(),
      async () => (await c.call()).admin.gdpr.inProgress(),
    ]) {
      expect((await rejection(call())).code).toBe('FORBIDDEN');
    }
    expect((await (await c.call()).advertiser.organisation()).status).toBe('unverified');
  });
});
