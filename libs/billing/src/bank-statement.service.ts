import { basename } from 'node:path';
import { auditRepository } from '@dd/accounts';
import { receiveUpload, type UploadedStatement } from '@dd/data-import';
import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { enqueue, type Queues } from '@dd/queue';
import {
  entryAlreadyResolvedError,
  entryNotAssignableError,
  entryNotFoundError,
  organisationNotFoundError,
} from './billing.errors';
import type { BillingSettings } from './billing.settings';
import { bankStatementRepository, type StatementRow } from './bank-statement.repository';
import { paymentReferenceRepository } from './payment-reference.repository';
import type { UnmatchedReason } from './statement-matching';
import { bookTopUp } from './top-up';

export interface StatementErrorDto {
  message: string;
  code: string | null;
  params: Record<string, string | number>;
  problems: { line: number; column: string; code: string | null; params: Record<string, string | number>; message: string }[];
  totalProblems: number;
}

export interface BankStatementDto {
  id: string;
  fileName: string;
  byteSize: number;
  status: StatementRow['status'];
  accountIban: string | null;
  firstBookedOn: string | null;
  lastBookedOn: string | null;
  entriesTotal: number | null;
  entriesNew: number | null;
  entriesDuplicate: number | null;
  /** Its entries per state now: assignments and dismissals made after the import count too. */
  counts: { booked: number; unmatched: number; dismissed: number; open: number };
  error: StatementErrorDto | null;
  uploadedBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface UnmatchedCreditDto {
  id: number;
  bookedOn: string;
  amountCents: number;
  currency: string;
  counterpartyName: string;
  counterpartyIban: string | null;
  remittance: string;
  references: string[];
  reason: UnmatchedReason;
  statementId: string;
  fileName: string;
}

export interface AdvertiserOptionDto {
  id: string;
  name: string;
  kvkNumber: string | null;
  status: 'unverified' | 'verified' | 'rejected';
  paymentReference: string | null;
}

/** File names are shown back to admins; keep them short and free of paths. */
function cleanFileName(name: string): string {
  const base = [...basename(name.replace(/\\/g, '/'))].filter((ch) => ch >= ' ').join('').trim();
  return (base || 'statement.xml').slice(0, 200);
}

function toStatementDto(row: StatementRow & { uploaded_by_name: string | null }, counts: BankStatementDto['counts']): BankStatementDto {
  const error = row.error as Partial<StatementErrorDto> | null;
  return {
    id: row.id,
    fileName: row.file_name,
    byteSize: row.byte_size,
    status: row.status,
    accountIban: row.account_iban,
    firstBookedOn: row.first_booked_on,
    lastBookedOn: row.last_booked_on,
    entriesTotal: row.entries_total,
    entriesNew: row.entries_new,
    entriesDuplicate: row.entries_duplicate,
    counts,
    error: error
      ? { message: error.message ?? '', code: error.code ?? null, params: error.params ?? {}, problems: error.problems ?? [], totalProblems: error.totalProblems ?? 0 }
      : null,
    uploadedBy: row.uploaded_by_name,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}

/** The BullMQ job id of a statement's import: a repeat enqueue is a no-op. */
export const statementImportJobId = (statementId: string) => `bank-statement-${statementId}`;

export interface Admin {
  id: string;
}

/** The admin's side of payments in: upload statements, follow their import, review what did not match. */
export function createBankStatementService(deps: { db: Db; queues: Queues; settings: BillingSettings }) {
  const { db, queues, settings } = deps;

  async function statementsByIds(rows: Awaited<ReturnType<typeof bankStatementRepository.list>>): Promise<BankStatementDto[]> {
    const counts = await bankStatementRepository.countsByStatus(db, rows.map((r) => r.id));
    return rows.map((row) => {
      const mine = counts.filter((c) => c.statement_id === row.id);
      const of = (status: string) => mine.filter((c) => c.status === status).reduce((sum, c) => sum + c.count, 0);
      return toStatementDto(row, { booked: of('booked'), unmatched: of('unmatched'), dismissed: of('dismissed'), open: of('open') + of('reconciled') });
    });
  }

  return {
    /**
     * Stores the platform's statement and queues its import; nothing here reads the content (the API's
     * event loop serves everyone). Only an empty or oversized file is refused at once; that it is a
     * CAMT.053 statement of the platform's account is the worker's to find out, and a file that is not
     * shows in the list as failed with the reason.
     */
    async uploadStatement(admin: Admin, file: UploadedStatement): Promise<BankStatementDto> {
      const { bytes, sha256 } = await receiveUpload(file);
      const fileName = cleanFileName(file.name);
      const statementId = await db.transaction().execute((trx) =>
        bankStatementRepository.insert(trx, { fileName, byteSize: bytes.length, sha256, expectedIban: settings.platformIban, uploadedBy: admin.id, bytes }),
      );
      try {
        await enqueue(queues, 'billing.statement-import', { statementId }, { jobId: statementImportJobId(statementId) });
      } catch (error) {
        // Without a queued job the statement would wait forever: take it back and say so.
        await bankStatementRepository.delete(db, statementId);
        throw new DomainError('UNAVAILABLE', 'The statement could not be queued for processing right now. Please try again in a minute.', {
          cause: String(error instanceof Error ? error.message : error),
        });
      }
      await auditRepository.append(db, {
        actorUserId: admin.id,
        actorRole: 'admin',
        action: 'billing.statement_uploaded',
        subjectType: 'bank_statement',
        subjectId: statementId,
        details: { fileName, byteSize: bytes.length, sha256 },
      });
      const [stored] = await statementsByIds(await bankStatementRepository.list(db, 1, statementId));
      return stored!;
    },

    /** The account whose statements are imported, so the admin downloads the right one. */
    platformAccount(): { iban: string; accountName: string } {
      return { iban: settings.platformIban, accountName: settings.platformAccountName };
    },

    async statements(): Promise<BankStatementDto[]> {
      return statementsByIds(await bankStatementRepository.list(db, 50));
    },

    /** Incoming credits waiting for an admin, oldest first. */
    async unmatched(): Promise<UnmatchedCreditDto[]> {
      const rows = await bankStatementRepository.entriesWithStatus(db, 'unmatched', 500);
      return rows.map((row) => ({
        id: row.id,
        bookedOn: row.booked_on,
        amountCents: row.amount_cents,
        currency: row.currency,
        counterpartyName: row.counterparty_name,
        counterpartyIban: row.counterparty_iban,
        remittance: row.remittance,
        references: row.payment_references,
        reason: (row.reason ?? 'noReference') as UnmatchedReason,
        statementId: row.statement_id,
        fileName: row.file_name,
      }));
    },

    /** Every organisation an admin can assign a payment to, with its reference once it has one. */
    async advertisers(): Promise<AdvertiserOptionDto[]> {
      const rows = await paymentReferenceRepository.organisations(db);
      return rows.map((row) => ({ id: row.id, name: row.name, kvkNumber: row.kvk_number, status: row.status, paymentReference: row.reference }));
    },

    /** Books an unmatched credit to the advertiser the admin chose, in one transaction with the audit entry. */
    async assign(admin: Admin, input: { entryId: number; organisationId: string; note?: string | undefined }): Promise<{ ledgerTransactionId: number }> {
      if (!(await paymentReferenceRepository.organisationExists(db, input.organisationId))) throw organisationNotFoundError();
      const note = input.note?.trim() || null;
      return db.transaction().execute(async (trx) => {
        const entry = await bankStatementRepository.entryForUpdate(trx, input.entryId);
        if (!entry) throw entryNotFoundError(input.entryId);
        if (entry.status !== 'unmatched') throw entryAlreadyResolvedError(input.entryId, entry.status);
        if (entry.currency !== 'EUR') throw entryNotAssignableError(input.entryId, 'currency');
        if (entry.amount_cents <= 0) throw entryNotAssignableError(input.entryId, 'zeroAmount');
        const posted = await bookTopUp(trx, {
          entryKey: entry.entry_key,
          organisationId: input.organisationId,
          amountCents: entry.amount_cents,
          bookedOn: entry.booked_on,
          counterpartyName: entry.counterparty_name,
          paymentReference: entry.payment_references[0] ?? null,
          assignedBy: admin.id,
        });
        await bankStatementRepository.markBooked(trx, entry.id, { organisationId: input.organisationId, ledgerTransactionId: posted.transactionId, resolvedBy: admin.id, note });
        await auditRepository.append(trx, {
          actorUserId: admin.id,
          actorRole: 'admin',
          action: 'billing.credit_assigned',
          subjectType: 'bank_statement_entry',
          subjectId: String(entry.id),
          details: { organisationId: input.organisationId, amountCents: entry.amount_cents, reason: entry.reason, ledgerTransactionId: posted.transactionId, note },
        });
        return { ledgerTransactionId: posted.transactionId };
      });
    },

    /** Takes an unmatched credit off the review list without booking it (returned to the sender, say), with the admin's note. */
    async dismiss(admin: Admin, input: { entryId: number; note: string }): Promise<void> {
      const note = input.note.trim();
      await db.transaction().execute(async (trx) => {
        const entry = await bankStatementRepository.entryForUpdate(trx, input.entryId);
        if (!entry) throw entryNotFoundError(input.entryId);
        if (entry.status !== 'unmatched') throw entryAlreadyResolvedError(input.entryId, entry.status);
        await bankStatementRepository.markDismissed(trx, entry.id, { resolvedBy: admin.id, note });
        await auditRepository.append(trx, {
          actorUserId: admin.id,
          actorRole: 'admin',
          action: 'billing.credit_dismissed',
          subjectType: 'bank_statement_entry',
          subjectId: String(entry.id),
          details: { amountCents: entry.amount_cents, currency: entry.currency, reason: entry.reason, note },
        });
      });
    },
  };
}

export type BankStatementService = ReturnType<typeof createBankStatementService>;
