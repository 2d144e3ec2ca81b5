import { eligibleMembersSql } from '@dd/audience';
import { sql, type Database, type Kysely } from '@dd/db';
import { DEFAULT_LEDGER_SETTINGS, createSale, distributeSale, recordDeposit } from '@dd/ledger';
import { writeReceipts } from '@dd/marketplace';
import { DEFAULT_PRODUCT_PRICES, validateSegment } from '@dd/segments';
import { HISTORY_MAX_AUDIENCE, HISTORY_MIN_AUDIENCE, MARKET_ADVERTISERS, SALES_IN_HISTORY, SALE_TEMPLATES, saleKey } from './market.data';

const DAY_MS = 86_400_000;

export interface MarketHistory {
  /** Sales written by this run (0 when the history was there already). */
  sales: number;
  /** Sales skipped because their audience was too small (a small --customers). */
  tooSmall: number;
  alreadyThere: boolean;
}

interface PlannedSale {
  n: number;
  key: string;
  at: Date;
  advertiser: (typeof MARKET_ADVERTISERS)[number];
  purpose: 'insights' | 'offers';
  purposeStatement: string;
  categories: string[];
  memberIds: string[];
  amountCents: number;
}

/** When sale n of the history happened: evenly over the window [from, to), on a weekday morning. */
export function saleTime(from: Date, to: Date, n: number): Date {
  const span = to.getTime() - from.getTime();
  const day = new Date(from.getTime() + Math.floor(((n + 0.5) / SALES_IN_HISTORY) * (span / DAY_MS)) * DAY_MS);
  return new Date(day.getTime() + (9 * 60 + ((n * 37) % 480)) * 60_000);
}

/**
 * The marketplace's past, through the code paths a live purchase uses: the members of each sale are
 * who the audience engine's SQL finds eligible then (features, consent for the categories and the
 * purpose, the advertiser's industry not excluded, adults only, accounts that existed), every sale is
 * recorded with `createSale` (idempotency key, frozen member set), its receipts with the fulfilment's
 * `writeReceipts` and its money with `distributeSale` (charge, member credits, platform fee), booked
 * at the sale's date. Advertisers paid for it all by deposits before the window. Written once per
 * database: a second run finds the history and leaves it.
 */
export async function seedMarketHistory(
  db: Kysely<Database>,
  input: { seed: number; from: Date; to: Date; demoCustomerId: string | null },
  log: (line: string) => void,
): Promise<MarketHistory> {
  const existing = await db.selectFrom('sales').select('id').where('idempotency_key', 'like', `seed-sale:%`).limit(1).executeTakeFirst();
  if (existing) return { sales: 0, tooSmall: 0, alreadyThere: true };

  for (const a of MARKET_ADVERTISERS) {
    await db.insertInto('organisations').values(a).onConflict((oc) => oc.column('id').doNothing()).execute();
  }

  const planned: PlannedSale[] = [];
  let tooSmall = 0;
  for (let n = 0; n < SALES_IN_HISTORY; n++) {
    const template = SALE_TEMPLATES[n % SALE_TEMPLATES.length]!;
    const advertiser = MARKET_ADVERTISERS[template.advertiser]!;
    const at = saleTime(input.from, input.to, n);
    const { categories } = validateSegment(template.tree);
    const key = saleKey(input.seed, n);
    const query = { tree: template.tree, categories, purpose: template.purpose, industry: advertiser.industry };
    // A capped campaign reaches a fixed pseudo-random part of its audience; the demo customer, when
    // eligible, is always among them so the demo tells the same story at any --customers.
    const { rows } = await sql<{ id: string }>`
      select u.id from users u join customer_features f on f.customer_id = u.id
      where ${eligibleMembersSql(query, at)} and u.created_at <= ${at}
      order by (u.id = ${input.demoCustomerId}) desc nulls last, md5(${key} || u.id::text)
      limit ${HISTORY_MAX_AUDIENCE}`.execute(db);
    if (rows.length < HISTORY_MIN_AUDIENCE) {
      tooSmall++;
      continue;
    }
    const price = template.purpose === 'offers' ? DEFAULT_PRODUCT_PRICES.offerCampaignCents : DEFAULT_PRODUCT_PRICES.insightReportCents;
    planned.push({
      n,
      key,
      at,
      advertiser,
      purpose: template.purpose,
      purposeStatement: template.purposeStatement,
      categories,
      memberIds: rows.map((r) => r.id),
      amountCents: rows.length * price,
    });
  }

  // Each advertiser transferred what its purchases cost, plus some, a week before the window.
  const deposits = new Map<string, number>();
  for (const sale of planned) deposits.set(sale.advertiser.id, (deposits.get(sale.advertiser.id) ?? 0) + sale.amountCents);
  for (const [organisationId, cents] of deposits) {
    await recordDeposit(db, {
      organisationId,
      amountCents: Math.ceil((cents + 25_000) / 50_000) * 50_000,
      idempotencyKey: `seed-deposit:${input.seed}:${organisationId}`,
      reference: 'Opwaardering (demo)',
      bookedAt: new Date(input.from.getTime() - 7 * DAY_MS),
    });
  }

  for (const sale of planned) {
    const { saleId } = await createSale(
      db,
      { idempotencyKey: sale.key, organisationId: sale.advertiser.id, amountCents: sale.amountCents, memberIds: sale.memberIds },
      DEFAULT_LEDGER_SETTINGS,
      { createdAt: sale.at },
    );
    await db.transaction().execute((trx) =>
      writeReceipts(trx, {
        saleId,
        amountCents: sale.amountCents,
        memberShareBp: DEFAULT_LEDGER_SETTINGS.memberShareBp,
        memberIds: sale.memberIds,
        reference: sale.key,
        occurredAt: sale.at,
        advertiserName: sale.advertiser.name,
        product: sale.purpose === 'offers' ? 'offer_campaign' : 'insight_report',
        purpose: sale.purpose,
        purposeStatement: sale.purposeStatement,
        categories: sale.categories,
      }),
    );
    await distributeSale(db, saleId, { bookedAt: sale.at });
    if ((sale.n + 1) % 50 === 0) log(`seed: market history ${sale.n + 1}/${SALES_IN_HISTORY} sales`);
  }
  return { sales: planned.length, tooSmall, alreadyThere: false };
}
