import type { Categoriser } from '@dd/categories';
import { copyRow } from '@dd/db';
import { cachedCategoriser } from './categorisation-cache';
import { createDedupeKeyer } from './dedupe-key';
import { MAX_STORED_DESCRIPTION_CHARS, MAX_STORED_NAME_CHARS } from './limits';
import type { ParsedStatement, ParsedTransaction } from './statement.types';
import { storedText } from './text';

/** One transaction as the import stores it (customer and upload aside): categorised, keyed, texts bounded. */
export interface PreparedRow {
  booked_on: string;
  amount_cents: number;
  currency: string;
  counterparty_name: string;
  counterparty_iban: string | null;
  description: string;
  bank_code: string | null;
  category: string;
  rule_id: string | null;
  special: boolean;
  protected_life_event: boolean;
  is_reversal: boolean;
  dedupe_key: string;
}

/**
 * Prepares a statement's rows one at a time, in file order (the dedupe key's occurrence counter depends on it).
 * Categorising needs the file's own IBANs, so it takes the parsed statement whole.
 */
export function rowPreparer(statement: ParsedStatement, categoriser: Categoriser): (tx: ParsedTransaction) => PreparedRow {
  return rowPreparerFor(statement.transactions.map((tx) => tx.account), categoriser);
}

/** As rowPreparer, for rows of a file whose accounts are known before all of its rows are. */
export function rowPreparerFor(accounts: Iterable<string>, categoriser: Categoriser): (tx: ParsedTransaction) => PreparedRow {
  const complete = rowCompleterFor(accounts, categoriser);
  const keyOf = createDedupeKeyer();
  return (tx) => complete(tx, keyOf(tx));
}

/**
 * A row as stored, given its dedupe key (made in file order by createDedupeKeyer): the streaming path keys every
 * row but categorises only the ones it writes, so a re-uploaded or overlapping export skips the categoriser for
 * the rows the customer already has.
 */
export function rowCompleterFor(accounts: Iterable<string>, categoriser: Categoriser): (tx: ParsedTransaction, dedupeKey: string) => PreparedRow {
  const ownIbans = new Set<string>();
  for (const account of accounts) ownIbans.add(account.replace(/\s+/g, '').toUpperCase());
  const categorise = cachedCategoriser(categoriser, { ownIbans });
  return (tx, dedupeKey) => {
    const result = categorise(tx);
    return {
      booked_on: tx.bookedOn,
      amount_cents: tx.amountCents,
      currency: tx.currency,
      // Bounded when stored (limits.ts says why); the dedupe key is computed from the full text.
      counterparty_name: storedText(tx.counterpartyName, MAX_STORED_NAME_CHARS),
      counterparty_iban: tx.counterpartyIban,
      description: storedText(tx.description, MAX_STORED_DESCRIPTION_CHARS),
      bank_code: tx.bankCode,
      category: result.category,
      rule_id: result.ruleId,
      special: result.special,
      protected_life_event: result.protectedLifeEvent,
      is_reversal: tx.reversal,
      dedupe_key: dedupeKey,
    };
  };
}

/** Every row of a statement as the import stores it; the benchmark's baseline inserts exactly these. */
export function prepareImportRows(statement: ParsedStatement, categoriser: Categoriser): PreparedRow[] {
  return statement.transactions.map(rowPreparer(statement, categoriser));
}

/** A prepared row as COPY text in IMPORT_COLUMNS order after the two ids (`lead`). */
export function copyLine(row: PreparedRow): string {
  return copyRow([
    row.booked_on, row.amount_cents, row.currency, row.counterparty_name, row.counterparty_iban, row.description, row.bank_code,
    row.category, row.rule_id, row.special, row.protected_life_event, row.is_reversal, row.dedupe_key,
  ]);
}

/** Rows per COPY chunk: the database ingests one while the next is categorised and keyed. */
export const CHUNK_ROWS = 4_000;

export interface NewRowsProgress {
  /** Rows of the file prepared so far, new or not. */
  done: number;
  /** Of those, rows with a key not seen before (the ones written). */
  written: number;
}

/**
 * A parsed statement's new rows as COPY text in IMPORT_COLUMNS order, chunk by chunk as the database takes them,
 * so preparing one chunk overlaps with the database storing the previous one. A row whose dedupe key is in
 * `known` (the customer's, or an earlier row of this file) is left out. `onChunk` hears the counts after each chunk.
 */
export async function* newRowChunks(
  statement: ParsedStatement,
  categoriser: Categoriser,
  target: { customerId: string; uploadId: string; known: Set<string> },
  onChunk: (progress: NewRowsProgress) => Promise<void> = async () => {},
): AsyncGenerator<string> {
  const { transactions } = statement;
  const prepare = rowPreparer(statement, categoriser);
  const { known } = target;
  // The same two ids start every row; uuids need no escaping.
  const lead = `${target.customerId}\t${target.uploadId}\t`;
  let written = 0;
  for (let start = 0; start < transactions.length; start += CHUNK_ROWS) {
    const end = Math.min(start + CHUNK_ROWS, transactions.length);
    let chunk = '';
    for (let i = start; i < end; i += 1) {
      const row = prepare(transactions[i]!);
      if (known.has(row.dedupe_key)) continue;
      known.add(row.dedupe_key);
      written += 1;
      chunk += lead + copyLine(row);
    }
    if (chunk !== '') yield chunk;
    await onChunk({ done: end, written });
  }
}
