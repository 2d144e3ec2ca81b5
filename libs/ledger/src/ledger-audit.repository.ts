import { sql, type Db } from '@dd/db';

export interface LedgerAudit {
  transactions: number;
  postings: number;
  /** Sum of every posting ever made: zero in a double-entry ledger. */
  sumCents: number;
  /** Transactions whose postings do not sum to zero, or that have fewer than two. */
  unbalancedTransactions: number;
  /** Accounts whose ledger_balances row differs from a fresh sum of their postings. */
  balanceMismatches: number;
  /** Sales marked distributed whose clearing postings do not net to zero. */
  unsettledSales: number;
}

/**
 * Recomputes the ledger's invariants from the postings alone: what the database already enforces,
 * checked again from the outside (tests, the benchmark, an operator's health check).
 */
export async function auditLedger(db: Db): Promise<LedgerAudit> {
  const { rows } = await sql<LedgerAudit>`
    select
      (select count(*) from ledger_transactions)::int as "transactions",
      (select count(*) from ledger_postings)::int as "postings",
      (select coalesce(sum(amount_cents), 0) from ledger_postings)::bigint as "sumCents",
      (select count(*) from ledger_transactions t
        where (select coalesce(sum(amount_cents), 0) from ledger_postings p where p.transaction_id = t.id) <> 0
           or (select count(*) from ledger_postings p where p.transaction_id = t.id) < 2)::int as "unbalancedTransactions",
      (select count(*) from ledger_accounts a join ledger_balances b on b.account_id = a.id
        where b.net_cents <> (select coalesce(sum(amount_cents), 0) from ledger_postings p where p.account_id = a.id)
           or b.balance_cents <> (case when a.kind = 'platform_bank' then 1 else -1 end) * b.net_cents)::int as "balanceMismatches",
      (select count(*) from sales s where s.status = 'distributed' and (
        select coalesce(sum(p.amount_cents), 0) from ledger_postings p
        join ledger_transactions t on t.id = p.transaction_id
        join ledger_accounts a on a.id = p.account_id
        where t.sale_id = s.id and a.kind = 'sales_clearing') <> 0)::int as "unsettledSales"`.execute(db);
  return rows[0]!;
}
