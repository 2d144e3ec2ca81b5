import type { Database, Kysely } from '@dd/db';
import { monthWindow } from './calendar';
import { generateConsent } from './consent.generator';
import { ensureDemoAccounts, type DemoLogin } from './demo-accounts';
import { deriveSeededFeatures, seededWindowEnd } from './features.step';
import { planFinances } from './finances.generator';
import { customerEmail } from './ids';
import { ingCsvStatement } from './ing-csv.writer';
import { generateCustomer } from './population.generator';
import type { SeedOptions } from './seed.options';
import { deleteSeededCustomers, detectWriterSchema, findForeignSeededCustomer, writeBatch, type SeedBatch } from './seed.writer';
import { generateMonth } from './transactions.generator';
import { seedMarketHistory, type MarketHistory } from './market.step';
import { seedPayoutHistory, type PayoutHistory } from './payouts.step';

export interface SeedRunSettings {
  /** Batches in flight at once: 2 on a PostgreSQL server, 1 on the embedded one (one transaction at a time). */
  concurrency: number;
  log: (line: string) => void;
}

export interface SeedSummary {
  customers: number;
  transactions: number;
  insertedCustomers: number;
  insertedTransactions: number;
  /** Consent decisions and industry exclusions written by this run. */
  insertedConsentDecisions: number;
  insertedIndustryExclusions: number;
  deletedCustomers: number;
  /** Customers whose segment features were derived (every seeded customer with a profile). */
  featuresDerived: number;
  /** The marketplace's past: sales through the ledger, with receipts. */
  market: MarketHistory;
  /** Payout requests and batches through the payouts service. */
  payouts: PayoutHistory;
  seconds: number;
  rowsPerSecond: number;
  demo: DemoLogin[];
}

export class SeedConflictError extends Error {
  constructor(email: string) {
    super(`${email} was seeded with another --seed. Run again with --reset to replace the seeded customers.`);
    this.name = 'SeedConflictError';
  }
}

/** About 8k booking rows per batch: one INSERT, one commit; smaller batches also keep GC pauses short. */
const ROWS_PER_BATCH = 8_000;
const AVERAGE_BOOKINGS_PER_MONTH = 45;

/** When the seeded statements were uploaded: the morning after the window, like a monthly habit. */
export const uploadedAt = (until: string): string => `${until}-02T08:30:00Z`;

/** Customers first..last (1-based), generated in memory: pure CPU, no I/O. */
export function buildBatch(options: Pick<SeedOptions, 'seed' | 'months' | 'until'>, first: number, last: number): SeedBatch {
  const months = monthWindow(options.until, options.months);
  const customers = [];
  const transactions = [];
  const consent = [];
  const statements = [];
  for (let index = first; index <= last; index++) {
    const customer = generateCustomer(options.seed, index);
    const plan = planFinances(options.seed, customer);
    const bookings = months.flatMap((m) => generateMonth(options.seed, customer, plan, m));
    customers.push(customer);
    transactions.push(bookings);
    consent.push(generateConsent(options.seed, customer, options.until));
    statements.push(ingCsvStatement(customer.id, bookings));
  }
  return { customers, transactions, consent, statements, uploadedAt: uploadedAt(options.until) };
}

/**
 * Generates and writes the population in batches. While the database commits one batch, the next
 * is generated, so the CPU work of both sides overlaps; same options, same rows, any number of runs.
 */
export async function runSeed(db: Kysely<Database>, options: SeedOptions, settings: SeedRunSettings): Promise<SeedSummary> {
  const started = performance.now();
  const { log } = settings;
  let deletedCustomers = 0;
  if (options.reset) {
    deletedCustomers = await deleteSeededCustomers(db);
    log(`seed: reset removed ${deletedCustomers} seeded customers`);
  } else {
    const foreign = await findForeignSeededCustomer(db, options.seed);
    if (foreign) throw new SeedConflictError(foreign);
  }

  const schema = await detectWriterSchema(db);
  const perBatch = Math.max(1, Math.min(2_000, Math.floor(ROWS_PER_BATCH / (AVERAGE_BOOKINGS_PER_MONTH * options.months))));
  const total = options.customers;
  const counts = { customers: 0, transactions: 0, insertedCustomers: 0, insertedTransactions: 0, insertedConsentDecisions: 0, insertedIndustryExclusions: 0 };
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let reportedDecile = 0;
  const customerIds: string[] = [];

  for (let first = 1; first <= total && failure === undefined; first += perBatch) {
    const last = Math.min(total, first + perBatch - 1);
    const batch = buildBatch(options, first, last);
    for (const customer of batch.customers) customerIds.push(customer.id);
    const bookings = batch.transactions.reduce((n, t) => n + t.length, 0);
    const write: Promise<void> = writeBatch(db, schema, batch).then(
      (written) => {
        counts.customers += batch.customers.length;
        counts.transactions += bookings;
        counts.insertedCustomers += written.users;
        counts.insertedTransactions += written.transactions;
        counts.insertedConsentDecisions += written.consentDecisions;
        counts.insertedIndustryExclusions += written.industryExclusions;
        const decile = Math.floor((counts.customers * 10) / total);
        if (decile > reportedDecile && counts.customers < total) {
          reportedDecile = decile;
          const seconds = (performance.now() - started) / 1000;
          log(`seed: ${decile * 10}% customers=${counts.customers}/${total} transactions=${counts.transactions} seconds=${seconds.toFixed(1)}`);
        }
      },
      (error: unknown) => {
        failure ??= error;
      },
    );
    inFlight.add(write);
    void write.finally(() => inFlight.delete(write));
    if (inFlight.size >= settings.concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;

  const months = monthWindow(options.until, options.months);
  const demo = await ensureDemoAccounts(db, schema, months);
  const windowEnd = seededWindowEnd(options.until);
  const featuresDerived = await deriveSeededFeatures(db, [...customerIds, ...demo.customerIds], windowEnd, settings);
  const first = months[0]!;
  const from = new Date(Date.UTC(first.year, first.month - 1, 1));
  const market = await seedMarketHistory(db, { seed: options.seed, from, to: windowEnd, demoCustomerId: demo.customer?.id ?? null }, log);
  const payouts =
    demo.adminId === null ? { paidBatchId: null, readyBatchId: null, requests: 0, alreadyThere: false } : await seedPayoutHistory(db, { from, to: windowEnd, adminId: demo.adminId, demo: demo.customer });
  const seconds = (performance.now() - started) / 1000;
  const rows = counts.customers * 2 + counts.transactions + counts.insertedConsentDecisions + counts.insertedIndustryExclusions;
  return { ...counts, deletedCustomers, featuresDerived, market, payouts, seconds, rowsPerSecond: Math.round(rows / Math.max(seconds, 0.001)), demo: demo.logins };
}

export function summaryLine(s: SeedSummary): string {
  return (
    `seed: customers=${s.customers} transactions=${s.transactions} seconds=${s.seconds.toFixed(1)} rows_per_s=${s.rowsPerSecond}` +
    ` (new: customers=${s.insertedCustomers} transactions=${s.insertedTransactions} consent_decisions=${s.insertedConsentDecisions}` +
    ` industry_exclusions=${s.insertedIndustryExclusions}) features=${s.featuresDerived}` +
    (s.market.alreadyThere ? ' market=kept' : ` sales=${s.market.sales}${s.market.tooSmall ? ` (${s.market.tooSmall} too small for k = 100: seed more customers)` : ''}`) +
    (s.payouts.alreadyThere ? ' payouts=kept' : ` payout_requests=${s.payouts.requests}`)
  );
}

export function demoLines(logins: readonly DemoLogin[]): string[] {
  return [
    'Demo logins (local demos only: these passwords are public, never use them on a shared or production install):',
    ...logins.map((l) => `  ${l.role.padEnd(10)} ${l.email.padEnd(36)} ${l.password ?? '(password was changed; left as is)'}`),
    `Seeded customers (e.g. ${customerEmail(1)}) cannot sign in.`,
    ...(logins.some((l) => l.role === 'admin') ? ['The admin sets up two-factor sign-in (an authenticator app) at its first sign-in.'] : []),
  ];
}
