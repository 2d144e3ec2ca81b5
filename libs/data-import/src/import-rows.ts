import type { Categoriser } from '@dd/categories';
import { copyRow } from '@dd/db';
import { cachedCategoriser } from './categorisation-cache';
import { createDedupeKeyer } from './dedupe-key';
import { MAX_STORED_DESCRIPTION_CHARS, MAX_STORED_NAME_CHARS } from './limits';
import type { ParsedStatement } from './statement.types';
import { storedText } from './text';

/** Rows per COPY chunk: the database ingests one while the next is categorised and keyed. */
const CHUNK_ROWS = 4_000;

/**
 * A parsed statement as COPY rows in the staging table's column order (STAGED_COLUMNS), categorised and
 * keyed chunk by chunk as the database takes them, so categorising overlaps with the database's work.
 * `onChunk` hears how many rows are done after each chunk (job progress).
 */
export async function* stagedRows(
  statement: ParsedStatement,
  categoriser: Categoriser,
  onChunk: (done: number) => Promise<void> = async () => {},
): AsyncGenerator<string> {
  const { transactions } = statement;
  const ownIbans = new Set(transactions.map((tx) => tx.account.replace(/\s+/g, '').toUpperCase()));
  const categorise = cachedCategoriser(categoriser, { ownIbans });
  const keyOf = createDedupeKeyer();
  for (let start = 0; start < transactions.length; start += CHUNK_ROWS) {
    const end = Math.min(start + CHUNK_ROWS, transactions.length);
    let chunk = '';
    for (let i = start; i < end; i += 1) {
      const tx = transactions[i]!;
      const result = categorise(tx);
      chunk += copyRow([
        tx.bookedOn,
        tx.amountCents,
        tx.currency,
        // Bounded when stored (limits.ts says why); the dedupe key is computed from the full text.
        storedText(tx.counterpartyName, MAX_STORED_NAME_CHARS),
        tx.counterpartyIban,
        storedText(tx.description, MAX_STORED_DESCRIPTION_CHARS),
        tx.bankCode,
        result.category,
        result.ruleId,
        result.special,
        result.protectedLifeEvent,
        tx.reversal,
        keyOf(tx),
      ]);
    }
    yield chunk;
    await onChunk(end);
  }
}
