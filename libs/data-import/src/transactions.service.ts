import { getCategory, isCategoryCode } from '@dd/categories';
import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { enqueue, type Queues } from '@dd/queue';
import { transactionRepository, type TransactionRow } from './transaction.repository';

function toDto(row: TransactionRow) {
  return {
    id: row.id,
    bookedOn: row.booked_on,
    amountCents: row.amount_cents,
    currency: row.currency,
    counterpartyName: row.counterparty_name,
    description: row.description,
    category: row.category ?? 'other',
    categorySource: row.category_source,
    special: row.special,
    protectedLifeEvent: row.protected_life_event,
    reversal: row.is_reversal,
  };
}

function monthStart(date: string, offsetMonths: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + offsetMonths;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The customer's own transactions: browse, correct a category, see spending. */
export function createTransactionsService(deps: { db: Db; queues: Queues }) {
  const { db, queues } = deps;
  return {
    async list(customerId: string, input: { cursor?: string | undefined; limit: number; category?: string | undefined; month?: string | undefined }) {
      // The cursor is the last row's booking date and id: `2024-03-15_123`.
      const match = input.cursor === undefined ? undefined : /^(\d{4}-\d{2}-\d{2})_(\d{1,15})$/.exec(input.cursor);
      if (input.cursor !== undefined && !match) {
        throw new DomainError('VALIDATION_FAILED', 'This list position is not valid any more. Reload the page.');
      }
      const rows = await transactionRepository.page(db, customerId, {
        after: match ? { bookedOn: match[1]!, id: Number(match[2]) } : undefined,
        limit: input.limit + 1,
        category: input.category,
        from: input.month ? `${input.month}-01` : undefined,
        to: input.month ? monthStart(`${input.month}-01`, 1) : undefined,
      });
      const items = rows.slice(0, input.limit).map(toDto);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > input.limit && last ? `${last.bookedOn}_${last.id}` : null };
    },

    /** Rectification (GDPR art. 16): the customer's category wins over the rules from now on. */
    async recategorise(customerId: string, transactionId: number, category: string) {
      if (!isCategoryCode(category)) {
        throw new DomainError('VALIDATION_FAILED', `"${category}" is not a category. Choose one from the list.`, {
          field: 'category',
          messageKey: 'validation.categoryUnknown',
        });
      }
      const { kind } = getCategory(category);
      const row = await transactionRepository.setCategoryByCustomer(db, customerId, transactionId, category, {
        special: kind === 'special' || kind === 'protected_life_event',
        protectedLifeEvent: kind === 'protected_life_event',
      });
      if (!row) throw new DomainError('NOT_FOUND', 'This transaction does not exist or is not yours.');
      await enqueue(queues, 'features.recompute', { customerId }, { jobId: `features-${customerId}` });
      return toDto(row);
    },

    async spending(customerId: string, months: number) {
      const latest = (await transactionRepository.latestBookingDate(db, customerId))?.latest as string | null | undefined;
      const anchor = latest ?? new Date().toISOString().slice(0, 10);
      const from = monthStart(anchor, -(months - 1));
      const to = monthStart(anchor, 1);
      const result = await transactionRepository.spending(db, customerId, from, to);
      return {
        from,
        to,
        byCategory: result.byCategory
          .map((r) => ({ category: r.category ?? 'other', totalCents: Number(r.total), count: Number(r.n) }))
          .sort((a, b) => b.totalCents - a.totalCents),
        byMonth: result.byMonth.map((r) => ({ month: r.month, totalCents: Number(r.total) })),
        transactionCount: result.count,
      };
    },
  };
}

export type TransactionsService = ReturnType<typeof createTransactionsService>;
