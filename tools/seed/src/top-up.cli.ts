import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { camt053Document, normalisePaymentReference } from '@dd/billing';
import { loadToolEnvOrExit } from '@dd/config';

/**
 * `npm run demo:top-up -- --reference "DD 1234 5678 9012" --euros 2500`: writes the CAMT.053
 * statement the platform's bank would give after an advertiser's transfer, for a local demo. The
 * admin uploads it under "Bankafschriften" and the worker books the top-up, exactly as with a
 * real statement. The platform account is the one the API shows (PLATFORM_IBAN).
 */
const USAGE = 'usage: npm run demo:top-up -- --reference DD123456789012 --euros 2500 [--out statement.xml]';
const { values } = parseArgs({ options: { reference: { type: 'string' }, euros: { type: 'string', default: '2500' }, out: { type: 'string' }, payer: { type: 'string', default: 'Demo Adverteerder B.V.' } } });
const reference = normalisePaymentReference(values.reference ?? '');
const euros = Number(values.euros);
if (!reference || !Number.isFinite(euros) || euros <= 0 || euros > 1_000_000 || Math.round(euros * 100) !== euros * 100) {
  console.error(`demo:top-up: give the advertiser's payment reference (shown on "Saldo & facturen") and an amount in euros.\n${USAGE}`);
  process.exit(2);
}
// The account the API shows advertisers: the same variables, parsed by the same rule.
const platformIban = loadToolEnvOrExit('demo:top-up').PLATFORM_IBAN;
const today = new Date().toISOString().slice(0, 10);
const id = `DEMO-${randomUUID().slice(0, 8)}`;
const statement = camt053Document({
  iban: platformIban,
  statementId: id,
  createdAt: new Date().toISOString().slice(0, 19),
  entries: [{ amountCents: Math.round(euros * 100), bookedOn: today, bankReference: `${id}-1`, counterpartyName: values.payer, remittance: `Opwaardering ${reference}` }],
});
const out = resolve(values.out ?? `camt053-top-up-${reference}-${today}.xml`);
writeFileSync(out, statement);
console.log(`demo:top-up: wrote ${out}: EUR ${euros.toFixed(2)} to ${platformIban} with reference ${reference}. Upload it as admin under "Bankafschriften".`);
