import type { BankEntryStatus } from '@dd/db';
import type { ParsedTransaction } from '@dd/data-import';
import { findPaymentReferences } from './payment-reference';

/** Why an incoming credit waits for an admin. Stored with the entry: a persistent contract, never renamed. */
export const UNMATCHED_REASONS = ['noReference', 'invalidReference', 'unknownReference', 'ambiguous', 'currency', 'zeroAmount'] as const;
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];

/** What one statement entry is, before the references are looked up. */
export interface ClassifiedEntry {
  direction: 'credit' | 'debit';
  amountCents: number;
  /** Well-formed references found in the remittance information. */
  references: string[];
  /** What to do with it: look up `reference`, leave it for payouts ('open'), or put it in the review list. */
  outcome: { kind: 'match'; reference: string } | { kind: 'open' } | { kind: 'review'; reason: UnmatchedReason };
}

/** All the text a payer could have put a reference in: the remittance lines and the structured creditor references. */
export function remittanceText(tx: ParsedTransaction): string {
  return [tx.description, ...(tx.creditorReferences ?? [])].join(' ');
}

/**
 * Decides what an entry of the platform's statement is. Only plain incoming credits in euros can be
 * advertiser top-ups: debits (payouts, fees) and returned payments (reversals) stay open for the payout
 * reconciliation. A credit is matched only when its remittance holds exactly one well-formed reference
 * and nothing else that looks like one; anything less certain goes to a person.
 */
export function classifyEntry(tx: ParsedTransaction): ClassifiedEntry {
  const direction = tx.amountCents < 0 ? 'debit' : 'credit';
  const amountCents = Math.abs(tx.amountCents);
  const scan = findPaymentReferences(remittanceText(tx));
  const references = scan.valid;
  const review = (reason: UnmatchedReason): ClassifiedEntry => ({ direction, amountCents, references, outcome: { kind: 'review', reason } });
  if (direction === 'debit' || tx.reversal) return { direction, amountCents, references, outcome: { kind: 'open' } };
  if (tx.currency !== 'EUR') return review('currency');
  if (amountCents === 0) return review('zeroAmount');
  if (references.length > 1 || (references.length === 1 && scan.malformed.length > 0)) return review('ambiguous');
  if (references.length === 1) return { direction, amountCents, references, outcome: { kind: 'match', reference: references[0]! } };
  return review(scan.malformed.length > 0 ? 'invalidReference' : 'noReference');
}

export interface EntryDecision {
  status: Extract<BankEntryStatus, 'booked' | 'unmatched' | 'open'>;
  reason: UnmatchedReason | null;
  organisationId: string | null;
}

/** The entry's status once its reference has been looked up (`owners`: reference → organisation id). */
export function decideEntry(entry: ClassifiedEntry, owners: ReadonlyMap<string, string>): EntryDecision {
  switch (entry.outcome.kind) {
    case 'open':
      return { status: 'open', reason: null, organisationId: null };
    case 'review':
      return { status: 'unmatched', reason: entry.outcome.reason, organisationId: null };
    case 'match': {
      const organisationId = owners.get(entry.outcome.reference);
      return organisationId === undefined
        ? { status: 'unmatched', reason: 'unknownReference', organisationId: null }
        : { status: 'booked', reason: null, organisationId };
    }
  }
}
