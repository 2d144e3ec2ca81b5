import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '@dd/db';

/** The realistic statement of the platform's account in libs/billing/fixtures (see the comments in it). */
export function platformStatementFixture(): Buffer {
  return readFileSync(fileURLToPath(new URL('../../fixtures/platform-camt053.xml', import.meta.url)));
}

/** The references the fixture's payments carry. */
export const FIXTURE_REFERENCES = {
  bakkerij: 'DD482109375557',
  fietsenwinkel: 'DD100000000190',
  supermarkt: 'DD314159265362',
  /** Well-formed, but nobody's. */
  unknown: 'DD271828182898',
} as const;

/** An advertiser organisation with a given payment reference, written straight to the database for tests. */
export async function insertAdvertiser(db: Db, options: { name: string; reference?: string; kvkNumber?: string; vatNumber?: string }): Promise<string> {
  const { id } = await db
    .insertInto('organisations')
    .values({ name: options.name, status: 'verified', kvk_number: options.kvkNumber ?? null, vat_number: options.vatNumber ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.reference) await db.insertInto('payment_references').values({ organisation_id: id, reference: options.reference }).execute();
  return id;
}

export { camt053Document } from '../camt053.writer';
export type { CamtEntry } from '../camt053.writer';
