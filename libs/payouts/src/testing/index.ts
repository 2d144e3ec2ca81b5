import { randomInt, randomUUID } from 'node:crypto';
import { composeIBAN } from 'ibantools';
import { sql, type Db } from '@dd/db';
import { createSale, distributeSale } from '@dd/ledger';
import { insertFundedOrganisation } from '@dd/ledger/testing';

/** Valid IBANs (checked by ibantools) for tests: the standard's examples and a few more. */
export const TEST_IBANS = {
  nl: 'NL91ABNA0417164300',
  nl2: 'NL02ABNA0123456789',
  nl3: 'NL18RABO0123459876',
  de: 'DE89370400440532013000',
  be: 'BE68539007547034',
} as const;

/** A valid Dutch IBAN nobody else in the test uses (shared IBANs send requests to review). */
export function uniqueIban(bank = 'INGB'): string {
  const account = String(randomInt(0, 10_000_000_000)).padStart(10, '0');
  return composeIBAN({ countryCode: 'NL', bban: `${bank}${account}` })!;
}

/**
 * Credits a member through a real sale: an advertiser pays `cents`, the whole amount goes to the
 * member (member share 100%), distributed by the ledger's own job function.
 */
export async function creditEarnings(db: Db, customerId: string, cents: number): Promise<string> {
  const organisationId = await insertFundedOrganisation(db, cents);
  const { saleId } = await createSale(
    db,
    { idempotencyKey: `test-sale-${randomUUID()}`, organisationId, amountCents: cents, memberIds: [customerId] },
    { memberShareBp: 10_000, distributionBatchSize: 5_000 },
  );
  await distributeSale(db, saleId);
  return saleId;
}

/** Makes an account look `days` old (the minimum account age applies to first payouts). */
export async function ageAccount(db: Db, customerId: string, days: number): Promise<void> {
  await sql`update users set created_at = now() - make_interval(days => ${days}) where id = ${customerId}`.execute(db);
}
