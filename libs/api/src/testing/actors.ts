import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import type { Db } from '@dd/db';
import { recordDeposit } from '@dd/ledger';
import type { Queues } from '@dd/queue';
import type { AppServices } from '../services';
import { createTestClient } from './test-context';
import { signInWithSecondStep } from './two-factor';

/** The people of the API's integration tests, signed in through the procedures as they would be. */
export const TEST_PASSWORD = 'correct horse battery staple 42';

/** The error a call was refused with (and that it was refused at all). */
export async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

interface World {
  db: Db;
  queues: Queues;
  services: AppServices;
}

/** A signed-in admin (created the way ADMIN_EMAIL creates one), past the second step: authenticator set up at the first sign-in. */
export async function signedInAdmin({ db, queues, services }: World, email = `beheer-${randomUUID()}@example.nl`) {
  await services.accounts.ensureAdmin(email, TEST_PASSWORD);
  const client = createTestClient(db, queues, undefined, { services });
  await signInWithSecondStep(client, email, TEST_PASSWORD);
  const id = (await (await client.call()).auth.me())!.id;
  return { client, id };
}

/**
 * A signed-up advertiser; `withDetails` registers KvK, VAT and industry (retail) as the portal's form
 * does, `verified` verifies the organisation (as an admin would) and `depositCents` tops up its
 * balance (as a bank statement would).
 */
export async function signedUpAdvertiser(
  { db, queues, services }: World,
  options: { organisationName?: string; withDetails?: boolean; verified?: boolean; depositCents?: number | undefined; locale?: 'nl' | 'en' } = {},
) {
  const client = createTestClient(db, queues, undefined, { services });
  const viewer = await (await client.call()).auth.signUpAdvertiser({
    displayName: 'Sanne de Vries',
    email: `adv-${randomUUID()}@example.nl`,
    password: TEST_PASSWORD,
    organisationName: options.organisationName ?? 'Fietsenwinkel De Spaak',
    ...(options.withDetails ? { kvkNumber: '12345678', vatNumber: 'NL123456782B01', industry: 'retail' } : {}),
    locale: options.locale ?? 'nl',
  });
  const organisationId = viewer.organisation!.id;
  if (options.verified) await db.updateTable('organisations').set({ status: 'verified' }).where('id', '=', organisationId).execute();
  if (options.depositCents) await recordDeposit(db, { organisationId, amountCents: options.depositCents, idempotencyKey: `test:${randomUUID()}` });
  return { client, organisationId };
}
