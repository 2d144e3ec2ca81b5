import { auditRepository } from '@dd/accounts';
import {
  dedupeKeys,
  fileIssues,
  IMPORT_TIME_LIMIT_MINUTES,
  MAX_STORED_DESCRIPTION_CHARS,
  MAX_STORED_NAME_CHARS,
  normaliseIban,
  parseStatement,
  StatementParseError,
  storedText,
  type ImportIssue,
  type ParsedStatement,
  type StatementFormat,
} from '@dd/data-import';
import type { Db } from '@dd/db';
import { isDomainError, type DomainError } from '@dd/errors';
import { UnrecoverableError } from '@dd/queue';
import { accountMismatchError, notCamt053Error } from './billing.errors';
import { bankStatementRepository, type NewEntryRow } from './bank-statement.repository';
import { paymentReferenceRepository } from './payment-reference.repository';
import { classifyEntry, decideEntry, type ClassifiedEntry } from './statement-matching';
import { bookTopUp } from './top-up';

const FORMAT_NAMES: Record<StatementFormat, string> = { 'ing-csv': 'ING CSV', 'rabobank-csv': 'Rabobank CSV', 'abn-amro-tab': 'ABN AMRO TAB', camt053: 'CAMT.053' };

export interface StatementImportResult {
  status: 'imported' | 'failed' | 'already-imported' | 'missing';
  entries?: number;
  created?: number;
  booked?: number;
  unmatched?: number;
}

type StoredError = { message: string; code: string | null; params: Record<string, string | number>; problems: unknown[]; totalProblems: number };

/** As stored in `bank_statements.error`: the same shape as a customer upload's error, so the portal reads both alike. */
function storedError(error: DomainError): StoredError {
  const problems = error instanceof StatementParseError ? [...error.problems] : [];
  const totalProblems = error instanceof StatementParseError ? error.totalProblems : 0;
  return { message: error.message, code: error.reason?.code ?? null, params: error.reason?.params ?? {}, problems, totalProblems };
}

function storedIssue(issue: ImportIssue): StoredError {
  return { message: issue.message, code: issue.code, params: issue.params, problems: [], totalProblems: 0 };
}

/** Only CAMT.053 carries the references we match on: any other format is refused before a row is read. */
function onlyCamt053(format: StatementFormat): void {
  if (format !== 'camt053') throw notCamt053Error(FORMAT_NAMES[format]);
}

/** The statement must be of the platform's account only; otherwise it books nothing. */
function checkStatement(statement: ParsedStatement, expectedIban: string): void {
  const other = statement.transactions.map((tx) => normaliseIban(tx.account)).find((account) => account !== expectedIban);
  if (other !== undefined) throw accountMismatchError(other, expectedIban);
}

/**
 * Ends a statement as failed, with a system audit entry, and deletes its file, in one transaction. True
 * when it was still in progress: a statement already finished keeps its outcome and reason.
 */
async function failStatement(db: Db, statementId: string, error: StoredError, account: string | null = null): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const failed = await bankStatementRepository.markFailed(trx, statementId, error, account);
    if (!failed) return false;
    await bankStatementRepository.deleteFiles(trx, [statementId]);
    await auditRepository.append(trx, {
      actorUserId: null,
      actorRole: 'system',
      action: 'billing.statement_failed',
      subjectType: 'bank_statement',
      subjectId: statementId,
      details: { code: error.code, message: error.message },
    });
    return true;
  });
}

/**
 * The `billing.statement-import` job: parse the stored statement, store each of its booked entries once
 * and book every incoming credit whose reference names an advertiser as a top-up, all in ONE database
 * transaction with the statement's final status. A crash rolls everything back and the retry starts
 * clean; entry keys and ledger idempotency keys make a second import of the same (or an overlapping)
 * statement book nothing twice. A file that cannot be read, or of another account, fails as a whole.
 */
export async function runStatementImport(
  db: Db,
  statementId: string,
  reportProgress: (percent: number) => Promise<void> = async () => {},
): Promise<StatementImportResult> {
  const statement = await bankStatementRepository.find(db, statementId);
  if (!statement) return { status: 'missing' };
  if (statement.status === 'imported') return { status: 'already-imported' };
  // A failure is final: a second run must not replace the message that says what to fix.
  if (statement.status === 'failed') return { status: 'failed' };
  const bytes = await bankStatementRepository.content(db, statementId);
  if (!bytes) {
    // Nothing to read, now or on a retry: say so instead of failing the job five times.
    await failStatement(db, statementId, storedIssue(fileIssues.gone()));
    return { status: 'failed' };
  }
  await bankStatementRepository.markProcessing(db, statementId);
  await reportProgress(10);

  let parsed: ParsedStatement;
  try {
    parsed = parseStatement({ name: statement.file_name, bytes }, { onFormat: onlyCamt053 });
    checkStatement(parsed, statement.expected_iban);
  } catch (error) {
    // Parsing depends on the bytes alone, so a retry fails the same way: the statement fails now, once.
    const account = isDomainError(error) && typeof error.details?.['account'] === 'string' ? error.details['account'] : null;
    await failStatement(db, statementId, isDomainError(error) ? storedError(error) : storedIssue(fileIssues.unreadable()), account);
    if (!isDomainError(error)) {
      throw new UnrecoverableError(`The parser failed on bank statement ${statementId}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { status: 'failed' };
  }
  await reportProgress(40);

  const keys = dedupeKeys(parsed);
  const classified: ClassifiedEntry[] = parsed.transactions.map(classifyEntry);
  const wanted = [...new Set(classified.flatMap((entry) => (entry.outcome.kind === 'match' ? [entry.outcome.reference] : [])))];
  const owners = new Map((await paymentReferenceRepository.ownersOf(db, wanted)).map((row) => [row.reference, row.organisation_id]));
  const decisions = classified.map((entry) => decideEntry(entry, owners));
  const rows: NewEntryRow[] = parsed.transactions.map((tx, i) => ({
    entry_key: keys[i]!,
    statement_id: statementId,
    line: tx.line,
    account_iban: normaliseIban(tx.account),
    booked_on: tx.bookedOn,
    direction: classified[i]!.direction,
    amount_cents: classified[i]!.amountCents,
    currency: tx.currency,
    reversal: tx.reversal,
    // Bounded when stored (data-import's limits.ts says why); matching and the entry key used the full text.
    counterparty_name: storedText(tx.counterpartyName, MAX_STORED_NAME_CHARS),
    counterparty_iban: tx.counterpartyIban,
    remittance: storedText(tx.description, MAX_STORED_DESCRIPTION_CHARS),
    creditor_references: tx.creditorReferences ?? [],
    payment_references: classified[i]!.references,
    bank_reference: tx.sourceRef,
    end_to_end_id: tx.endToEndId,
    bank_code: tx.bankCode,
    status: decisions[i]!.status,
    reason: decisions[i]!.reason,
    organisation_id: decisions[i]!.organisationId,
  }));
  const dates = parsed.transactions.map((tx) => tx.bookedOn).sort();
  await reportProgress(60);

  const outcome = await db.transaction().execute(async (trx): Promise<StatementImportResult> => {
    // Two runs of one job can overlap (BullMQ is at-least-once): the later one waits here, then sees the result.
    const current = await bankStatementRepository.lockStatus(trx, statementId);
    if (current === undefined) return { status: 'missing' };
    if (current === 'imported') return { status: 'already-imported' };
    if (current === 'failed') return { status: 'failed' };
    const seen = await bankStatementRepository.existingKeys(trx, keys);
    const fresh = rows.filter((row) => !seen.has(row.entry_key));
    // Book first, so each new entry is stored with its final status and its ledger transaction.
    for (const row of fresh) {
      if (row.status !== 'booked') continue;
      const posted = await bookTopUp(trx, {
        entryKey: row.entry_key,
        organisationId: row.organisation_id!,
        amountCents: row.amount_cents,
        bookedOn: row.booked_on,
        counterpartyName: row.counterparty_name ?? '',
        paymentReference: row.payment_references?.[0] ?? null,
      });
      row.ledger_transaction_id = posted.transactionId;
    }
    const created = await bankStatementRepository.insertNewEntries(trx, fresh);
    // An overlapping import committed one of these entries meanwhile: start again, and see it as known.
    if (created.size !== fresh.length) throw new Error(`Bank statement ${statementId}: entries were added concurrently; retrying.`);
    const booked = fresh.filter((row) => row.status === 'booked').length;
    const unmatched = fresh.filter((row) => row.status === 'unmatched').length;
    await bankStatementRepository.markImported(trx, statementId, {
      accountIban: parsed.accountIban,
      firstBookedOn: dates[0] ?? null,
      lastBookedOn: dates.at(-1) ?? null,
      total: rows.length,
      created: fresh.length,
    });
    await auditRepository.append(trx, {
      actorUserId: null,
      actorRole: 'system',
      action: 'billing.statement_imported',
      subjectType: 'bank_statement',
      subjectId: statementId,
      details: { entries: rows.length, new: fresh.length, booked, unmatched },
    });
    return { status: 'imported', entries: rows.length, created: fresh.length, booked, unmatched };
  });
  await reportProgress(100);
  return outcome;
}

/**
 * The import job failed for good (retries used up, or unrecoverable): the statement ends as failed with
 * a reason and its file is deleted, unless the run recorded a more precise failure already. Without this
 * the admin's list would show it "processing" forever. True when this call failed it.
 */
export async function failStatementImport(db: Db, statementId: string): Promise<boolean> {
  return failStatement(db, statementId, storedIssue(fileIssues.importFailed()));
}

/**
 * The `billing.statement-sweep` job: every statement still in progress `IMPORT_TIME_LIMIT_MINUTES` after it
 * was uploaded is failed, audited and its file deleted, whatever happened to its job. A run still going
 * finds it failed under the row lock and books nothing.
 */
export async function sweepStuckStatements(db: Db, now: Date = new Date()): Promise<string[]> {
  const before = new Date(now.getTime() - IMPORT_TIME_LIMIT_MINUTES * 60_000);
  const timedOut = storedIssue(fileIssues.timedOut());
  return db.transaction().execute(async (trx) => {
    const ids = await bankStatementRepository.failStuck(trx, before, timedOut);
    await bankStatementRepository.deleteFiles(trx, ids);
    for (const id of ids) {
      await auditRepository.append(trx, {
        actorUserId: null,
        actorRole: 'system',
        action: 'billing.statement_failed',
        subjectType: 'bank_statement',
        subjectId: id,
        details: { code: timedOut.code, message: timedOut.message },
      });
    }
    return ids;
  });
}
