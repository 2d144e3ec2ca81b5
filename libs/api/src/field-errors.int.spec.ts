import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { createTestClient } from './testing/test-context';

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

async function catchError(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

let counter = 0;
/** A signed-in adult customer, as the portal's session would be. */
async function customer() {
  const client = createTestClient(tdb.db, redis.queues);
  const email = `veld${++counter}-${Date.now()}@example.nl`;
  await (await client.call()).auth.signUpCustomer({ displayName: 'Veld Fout', email, password: 'Zonnebloem-Akker-42' });
  await (await client.call()).profile.update({ birthYear: 1985 });
  return { client, email };
}

/** What the portal receives for a failed call: the error after the router's formatter. */
async function failed(client: ReturnType<typeof createTestClient>, path: string, call: Promise<unknown>) {
  return client.errorShape(await catchError(call), path);
}

describe('a DomainError about one field reaches the portal as a field error', () => {
  it('an unknown postcode: under the postcode field, with the key of its text', async () => {
    const { client } = await customer();
    const shape = await failed(client, 'profile.update', (await client.call()).profile.update({ postcode: '1370 AA' }));
    expect(shape.message).toBe('We do not recognise this postcode. Enter a Dutch postcode like 1012 AB.');
    expect(shape.data).toMatchObject({ domainCode: 'VALIDATION_FAILED', fieldErrors: { postcode: ['validation.postcodeUnknown'] } });
  });

  it('an end date in the past: under expiresAt, like the zod errors of the same form', async () => {
    const { client } = await customer();
    const past = await failed(
      client,
      'consent.update',
      (await client.call()).consent.update({ changes: [{ category: 'groceries', purpose: 'insights', granted: true, expiresAt: '2020-01-01T00:00:00.000Z' }] }),
    );
    expect(past.data).toMatchObject({ domainCode: 'VALIDATION_FAILED', fieldErrors: { expiresAt: ['consent.errors.dateInPast'] } });
    expect(past.message).toBe('The end date of a consent must lie in the future.');

    // The zod error of the same input keeps its shape: field -> [i18n key].
    const notADate = await failed(
      client,
      'consent.update',
      (await client.call()).consent.update({ changes: [{ category: 'groceries', purpose: 'insights', granted: true, expiresAt: 'next week' }] }),
    );
    expect(notADate.data).toMatchObject({ domainCode: 'VALIDATION_FAILED', fieldErrors: { changes: ['validation.dateInvalid'] } });
  });

  it('a mistyped confirmation email and an unknown category name their fields', async () => {
    const { client } = await customer();
    const erase = await failed(client, 'privacy.erase', (await client.call()).privacy.erase({ confirmEmail: 'iemand.anders@example.nl' }));
    expect(erase.data).toMatchObject({ fieldErrors: { confirmEmail: ['validation.emailMismatch'] } });
    const recategorise = await failed(client, 'transactions.recategorise', (await client.call()).transactions.recategorise({ transactionId: 1, category: 'gokken' }));
    expect(recategorise.data).toMatchObject({ fieldErrors: { category: ['validation.categoryUnknown'] } });
  });

  it('an error that is about no field has no field errors', async () => {
    const { client } = await customer();
    const shape = await failed(
      client,
      'imports.get',
      (await client.call()).imports.get({ uploadId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(shape.data).toMatchObject({ domainCode: 'NOT_FOUND' });
    expect(shape.data).not.toHaveProperty('fieldErrors');
  });
});
