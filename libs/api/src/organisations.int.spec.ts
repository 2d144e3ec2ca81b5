import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { rejection } from './testing/actors';
import { verifyMailedAddress } from './testing/mailed-links';
import { createTestClient } from './testing/test-context';
import { signInWithSecondStep } from './testing/two-factor';

const PASSWORD = 'Zonnebloem-Akker-42';
// A VAT number that passes the eleven test (NL + RSIN 004495445 + B01).
const DETAILS = { kvkNumber: '12345678', vatNumber: 'NL004495445B01', contactName: 'Sanne de Vries', contactEmail: 'inkoop@bakkerij.test', industry: 'groceries' };

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

/** A signed-up advertiser who followed the verification link mailed to them, unless `emailVerified` is false. */
async function advertiser(extra: Partial<typeof DETAILS> = {}, organisationName = 'Bakkerij de Graaf', emailVerified = true) {
  const c = client();
  const email = `Adv-${randomUUID()}@Example.nl`;
  const viewer = await (await c.call()).auth.signUpAdvertiser({ displayName: 'Sanne de Vries', email, password: PASSWORD, organisationName, locale: 'nl', ...extra });
  if (emailVerified) await verifyMailedAddress(tdb.db, c, email);
  return { client: c, viewer, email: email.toLowerCase(), organisationId: viewer.organisation!.id };
}

async function admin() {
  // A new admin each time: a third sign-in of one admin within 30 s would wait for a new code.
  const email = `beheer-org-${randomUUID()}@example.nl`;
  await services.accounts.ensureAdmin(email, PASSWORD);
  const c = client();
  await signInWithSecondStep(c, email, PASSWORD);
  return c;
}

type Client = ReturnType<typeof client>;

/** The organisation as the admin's list shows it (with the version of its details), whatever page it is on. */
async function listed(a: Client, organisationId: string) {
  let cursor: string | undefined;
  do {
    const page = await (await a.call()).admin.organisations.list({ limit: 100, ...(cursor ? { cursor } : {}) });
    const found = page.items.find((item) => item.id === organisationId);
    if (found) return found;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  throw new Error(`organisation ${organisationId} is not in the admin's list`);
}

/** Verifies as the admin's page does: the details as the list shows them now. */
async function verifyAsSeen(a: Client, organisationId: string) {
  const { detailsVersion } = await listed(a, organisationId);
  return (await a.call()).admin.organisations.verify({ id: organisationId, detailsVersion });
}

describe('organisation registration at sign-up', () => {
  it('stores the details normalised, with the account email as the default contact', async () => {
    const { client: c, email } = await advertiser({ kvkNumber: ' 1234 56.78 ', vatNumber: 'nl 0044.95445 b01', contactName: '  Sanne de Vries ', industry: 'groceries' });
    const organisation = await (await c.call()).advertiser.organisation();
    expect(organisation).toMatchObject({
      name: 'Bakkerij de Graaf',
      status: 'unverified',
      kvkNumber: '12345678',
      vatNumber: 'NL004495445B01',
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
    const updated = await (await c.call()).advertiser.updateOrganisation({ name: 'Bakkerij de Graaf B.V.', ...DETAILS, vatNumber: 'nl004495445b01' });
    expect(updated).toMatchObject({ name: 'Bakkerij de Graaf B.V.', status: 'unverified', vatNumber: 'NL004495445B01', missing: [] });
  });

  it('resubmits a rejected organisation; a verified one that changes its KvK or VAT number is back in review', async () => {
    const { client: c, organisationId } = await advertiser(DETAILS);
    const a = await admin();
    await (await a.call()).admin.organisations.reject({ id: organisationId, reason: 'Het KvK-nummer hoort bij een andere onderneming.' });
    const rejected = await (await c.call()).advertiser.organisation();
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'Het KvK-nummer hoort bij een andere onderneming.' });

    const resubmitted = await (await c.call()).advertiser.updateOrganisation({ name: 'Bakkerij de Graaf', ...DETAILS, kvkNumber: '87654321' });
    expect(resubmitted).toMatchObject({ status: 'unverified', kvkNumber: '87654321', rejectionReason: null, decidedAt: null });
    const log = await (await a.call()).admin.audit.search({ action: 'organisation.resubmitted', query: organisationId });
    expect(log.entries).toHaveLength(1);

    await verifyAsSeen(a, organisationId);
    // The contact may change without a new review.
    const contact = await (await c.call()).advertiser.updateOrganisation({ name: 'Bakkerij de Graaf', ...DETAILS, kvkNumber: '87654321', contactName: 'Joost Bakker' });
    expect(contact).toMatchObject({ status: 'verified', contactName: 'Joost Bakker', kvkNumber: '87654321', verificationEnded: null });

    const kvk = await (await c.call()).advertiser.updateOrganisation({ name: 'Bakkerij de Graaf', ...DETAILS, kvkNumber: '11112222', contactName: 'Joost Bakker' });
    expect(kvk).toMatchObject({ status: 'unverified', kvkNumber: '11112222', decidedAt: null, verificationEnded: { cause: 'detailsChanged' } });
    await verifyAsSeen(a, organisationId);
    const vat = await (await c.call()).advertiser.updateOrganisation({ name: 'Bakkerij de Graaf', ...DETAILS, kvkNumber: '11112222', vatNumber: 'NL123456782B01', contactName: 'Joost Bakker' });
    expect(vat).toMatchObject({ status: 'unverified', vatNumber: 'NL123456782B01', verificationEnded: { cause: 'detailsChanged' } });
    const changes = await (await a.call()).admin.audit.search({ action: 'organisation.details_changed', query: organisationId });
    expect(changes.entries.map((entry) => entry.details)).toEqual([
      expect.objectContaining({ changed: 'vatNumber', vatNumber: 'NL123456782B01', previous: expect.objectContaining({ vatNumber: 'NL004495445B01' }) }),
      expect.objectContaining({ changed: 'kvkNumber', kvkNumber: '11112222', previous: expect.objectContaining({ kvkNumber: '87654321' }) }),
    ]);
  });

  it('refuses a VAT number whose check digits do not match, with a field error', async () => {
    const { client: c } = await advertiser();
    const error = await rejection((await c.call()).advertiser.updateOrganisation({ name: 'Bakkerij de Graaf', ...DETAILS, vatNumber: 'NL123456789B01' }));
    expect(c.errorShape(error, 'advertiser.updateOrganisation').data).toMatchObject({
      domainCode: 'VALIDATION_FAILED',
      fieldErrors: { vatNumber: ['organisation:validation.vatCheckFailed'] },
    });
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
    const error = await rejection(verifyAsSeen(a, organisationId));
    const shape = a.errorShape(error, 'admin.organisations.verify');
    expect(shape.data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'incomplete', params: { missing: 'vatNumber,contactName,industry' } } });
    expect(shape.message).toContain('VAT number, contact name, industry are missing');
  });

  it('verifies once and rejects once, each with an audit entry', async () => {
    const first = await advertiser(DETAILS, 'Verifieer BV');
    const second = await advertiser(DETAILS, 'Afwijs BV');
    const a = await admin();
    const verified = await verifyAsSeen(a, first.organisationId);
    expect(verified).toMatchObject({ status: 'verified', rejectionReason: null });
    expect(verified.decidedAt).not.toBeNull();
    expect((await (await first.client.call()).auth.me())!.organisation!.status).toBe('verified');

    const again = await rejection(verifyAsSeen(a, first.organisationId));
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
    expect(verifiedLog.entries[0]).toMatchObject({
      actorRole: 'admin',
      subjectType: 'organisation',
      subjectId: first.organisationId,
      details: { name: 'Verifieer BV', kvkNumber: '12345678', vatNumber: 'NL004495445B01', industry: 'groceries' },
    });
    const rejectedLog = await (await a.call()).admin.audit.search({ query: 'bestaand btw' });
    expect(rejectedLog.entries.map((e) => [e.action, e.subjectId])).toEqual([['organisation.rejected', second.organisationId]]);

    const missing = await rejection((await a.call()).admin.organisations.verify({ id: randomUUID(), detailsVersion: '0'.repeat(64) }));
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('cannot be verified before the advertiser has confirmed their email address', async () => {
    const a = await admin();
    const { client: c, email, organisationId } = await advertiser(DETAILS, 'Onbevestigd BV', false);
    const refused = await rejection(verifyAsSeen(a, organisationId));
    expect(a.errorShape(refused, 'admin.organisations.verify').data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'emailNotVerified' } });
    expect((await listed(a, organisationId)).status).toBe('unverified');
    await verifyMailedAddress(tdb.db, c, email);
    await expect(verifyAsSeen(a, organisationId)).resolves.toMatchObject({ status: 'verified' });
  });

  it('is for admins only', async () => {
    const { client: c, organisationId } = await advertiser(DETAILS);
    for (const call of [
      async () => (await c.call()).admin.organisations.list({}),
      async () => (await c.call()).admin.organisations.verify({ id: organisationId, detailsVersion: '0'.repeat(64) }),
      async () => (await c.call()).admin.organisations.withdraw({ id: organisationId, reason: 'Ik trek mezelf in, zomaar.' }),
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

describe('verified means verified as it is now', () => {
  const JANSEN = { ...DETAILS, kvkNumber: '69599084', industry: 'retail' };

  it('refuses to verify details that changed after the admin opened them, and the admin then sees the new details', async () => {
    const { client: c, organisationId } = await advertiser(JANSEN, 'Bakkerij Jansen');
    const a = await admin();
    const seen = await listed(a, organisationId);
    expect(seen).toMatchObject({ name: 'Bakkerij Jansen', industry: 'retail' });

    // The finding: between the admin's look and the click, the organisation became another one.
    await (await c.call()).advertiser.updateOrganisation({ name: 'Casino Royale', ...JANSEN, industry: 'gambling' });
    const stale = await rejection((await a.call()).admin.organisations.verify({ id: organisationId, detailsVersion: seen.detailsVersion }));
    expect(a.errorShape(stale, 'admin.organisations.verify').data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'detailsChanged' } });
    expect((await (await c.call()).advertiser.organisation()).status).toBe('unverified');
    expect((await (await a.call()).admin.audit.search({ action: 'organisation.verified', query: organisationId })).entries).toEqual([]);

    const now = await listed(a, organisationId);
    expect(now).toMatchObject({ name: 'Casino Royale', industry: 'gambling', status: 'unverified' });
    expect(now.detailsVersion).not.toBe(seen.detailsVersion);
    await (await a.call()).admin.organisations.verify({ id: organisationId, detailsVersion: now.detailsVersion });
    const log = await (await a.call()).admin.audit.search({ action: 'organisation.verified', query: organisationId });
    expect(log.entries.map((entry) => entry.details)).toEqual([{ name: 'Casino Royale', kvkNumber: '69599084', vatNumber: 'NL004495445B01', industry: 'gambling' }]);
  });

  it('a change of the contact alone keeps the version of what is verified in step', async () => {
    const { client: c, organisationId } = await advertiser(JANSEN, 'Bakkerij Jansen');
    const a = await admin();
    const seen = await listed(a, organisationId);
    await (await c.call()).advertiser.updateOrganisation({ name: 'Bakkerij Jansen', ...JANSEN, contactEmail: 'nieuw@bakkerij.test' });
    // The contact is part of what the admin was shown, so this too asks for a fresh look.
    const stale = await rejection((await a.call()).admin.organisations.verify({ id: organisationId, detailsVersion: seen.detailsVersion }));
    expect(a.errorShape(stale, 'admin.organisations.verify').data).toMatchObject({ reason: { code: 'detailsChanged' } });
    // Saving the same details again changes nothing: the version is of the values, not of the saves.
    const before = await listed(a, organisationId);
    await (await c.call()).advertiser.updateOrganisation({ name: 'Bakkerij Jansen', ...JANSEN, contactEmail: 'nieuw@bakkerij.test' });
    await expect((await a.call()).admin.organisations.verify({ id: organisationId, detailsVersion: before.detailsVersion })).resolves.toMatchObject({ status: 'verified' });
  });

  it('a verified organisation that changes its name or industry is back in review and cannot buy, and sees so', async () => {
    const { client: c, organisationId } = await advertiser(JANSEN, 'Bakkerij Jansen');
    const a = await admin();
    await verifyAsSeen(a, organisationId);
    const changed = await (await c.call()).advertiser.updateOrganisation({ name: 'Casino Royale', ...JANSEN, industry: 'gambling' });
    expect(changed).toMatchObject({ status: 'unverified', name: 'Casino Royale', industry: 'gambling', verificationEnded: { cause: 'detailsChanged' } });
    expect((await (await c.call()).auth.me())!.organisation!.status).toBe('unverified');

    const purchase = await rejection(
      (await c.call()).advertiser.purchases.create({
        product: 'insight_report',
        title: 'Spelers in Utrecht',
        purposeStatement: 'Wij willen weten hoeveel mensen in Utrecht onze nieuwe zaal zouden bezoeken.',
        segment: { field: 'province', in: ['NL-UT'] },
        breakdowns: ['ageBand'],
      }),
    );
    expect(c.errorShape(purchase, 'advertiser.purchases.create').data).toMatchObject({ reason: { code: 'organisationNotVerified' } });

    const log = await (await a.call()).admin.audit.search({ action: 'organisation.details_changed', query: organisationId });
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({
      actorRole: 'advertiser',
      details: {
        name: 'Casino Royale',
        industry: 'gambling',
        changed: 'name,industry',
        previous: { name: 'Bakkerij Jansen', kvkNumber: '69599084', vatNumber: 'NL004495445B01', industry: 'retail' },
      },
    });
    // The admin's queue has it again, and says it had been verified.
    expect(await listed(a, organisationId)).toMatchObject({ status: 'unverified', verificationEnded: { cause: 'detailsChanged' } });
    await verifyAsSeen(a, organisationId);
    expect(await listed(a, organisationId)).toMatchObject({ status: 'verified', verificationEnded: null });
  });

  it('refuses to verify a stored VAT number whose check digits do not match', async () => {
    const { organisationId } = await advertiser(JANSEN, 'Oude Gegevens BV');
    // Stored before the check existed: the database only knows the shape.
    await tdb.db.updateTable('organisations').set({ vat_number: 'NL123456789B01' }).where('id', '=', organisationId).execute();
    const a = await admin();
    const error = await rejection(verifyAsSeen(a, organisationId));
    expect(a.errorShape(error, 'admin.organisations.verify').data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'invalidDetails', params: { invalid: 'vatNumber' } } });
  });
});

describe('withdrawing a verification', () => {
  const REASON = 'De KvK meldt dat deze onderneming is opgeheven.';
  const segment = { field: 'province', in: ['NL-UT'] };

  it('is audited with the reason, stops estimates and purchases, and the advertiser can resubmit', async () => {
    const { client: c, organisationId } = await advertiser({ ...DETAILS, industry: 'retail' }, 'Fietsen Intrek BV');
    const a = await admin();
    await verifyAsSeen(a, organisationId);
    await expect((await c.call()).advertiser.estimate({ segment, purpose: 'insights' })).resolves.toHaveProperty('estimate');

    const withdrawn = await (await a.call()).admin.organisations.withdraw({ id: organisationId, reason: REASON });
    expect(withdrawn).toMatchObject({ status: 'rejected', rejectionReason: REASON, verificationEnded: { cause: 'withdrawn' } });
    const log = await (await a.call()).admin.audit.search({ action: 'organisation.verification_withdrawn', query: organisationId });
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({
      actorRole: 'admin',
      details: { name: 'Fietsen Intrek BV', kvkNumber: '12345678', vatNumber: 'NL004495445B01', industry: 'retail', reason: REASON },
    });

    // Estimates are for verified organisations (libs/audience): the withdrawal ends them at once.
    const estimate = await rejection((await c.call()).advertiser.estimate({ segment, purpose: 'insights' }));
    expect(c.errorShape(estimate, 'advertiser.estimate').data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'estimateOrganisationNotVerified' } });
    const purchase = await rejection(
      (await c.call()).advertiser.purchases.create({
        product: 'insight_report',
        title: 'Fietsers in Utrecht',
        purposeStatement: 'Wij willen weten welke regio’s onze nieuwe fietsenwinkel zouden gebruiken.',
        segment,
        breakdowns: ['ageBand'],
      }),
    );
    expect(c.errorShape(purchase, 'advertiser.purchases.create').data).toMatchObject({ reason: { code: 'organisationNotVerified' } });
    expect(await (await c.call()).advertiser.organisation()).toMatchObject({ status: 'rejected', rejectionReason: REASON, verificationEnded: { cause: 'withdrawn' } });

    const twice = await rejection((await a.call()).admin.organisations.withdraw({ id: organisationId, reason: REASON }));
    expect(a.errorShape(twice, 'admin.organisations.withdraw').data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'notVerified', params: { status: 'rejected' } } });

    // Correcting and saving puts it back in the admin's queue, which shows that it had been verified.
    const resubmitted = await (await c.call()).advertiser.updateOrganisation({ name: 'Fietsen Intrek BV', ...DETAILS, industry: 'retail', kvkNumber: '69599084' });
    expect(resubmitted).toMatchObject({ status: 'unverified', rejectionReason: null, verificationEnded: { cause: 'withdrawn' } });
    expect(await listed(a, organisationId)).toMatchObject({ status: 'unverified', verificationEnded: { cause: 'withdrawn' } });
    await verifyAsSeen(a, organisationId);
    await expect((await c.call()).advertiser.estimate({ segment, purpose: 'insights' })).resolves.toHaveProperty('estimate');
  });

  it('needs a reason and a verified organisation', async () => {
    const { organisationId } = await advertiser(DETAILS, 'Nog Niet Geverifieerd BV');
    const a = await admin();
    const short = await rejection((await a.call()).admin.organisations.withdraw({ id: organisationId, reason: 'kort' }));
    expect(a.errorShape(short, 'admin.organisations.withdraw').data).toMatchObject({ fieldErrors: { reason: ['adminOrganisations:validation.reasonTooShort'] } });
    const unverified = await rejection((await a.call()).admin.organisations.withdraw({ id: organisationId, reason: REASON }));
    expect(a.errorShape(unverified, 'admin.organisations.withdraw').data).toMatchObject({ reason: { code: 'notVerified', params: { status: 'unverified' } } });
    const nul = await rejection((await a.call()).admin.organisations.withdraw({ id: organisationId, reason: `Opgeheven\u0000 volgens de KvK.` }));
    expect(a.errorShape(nul, 'admin.organisations.withdraw').data).toMatchObject({ fieldErrors: { reason: ['validation.hiddenCharacters'] } });
  });
});
