import { DomainError } from '@dd/errors';

/** Codes a refused or failed platform statement carries (next to the import problem codes of @dd/data-import). */
export type StatementRefusal = 'statementNotCamt053' | 'statementAccountMismatch';

/** The file is a bank statement, but not a CAMT.053 one: only that format carries the references we match on. */
export function notCamt053Error(format: string): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    `This is a ${format} export, not a CAMT.053 statement. Download the platform account's statement as CAMT.053 (XML) and upload that.`,
    { field: 'file', format },
    { code: 'statementNotCamt053', params: { format } },
  );
}

/** A statement of another account than the platform's: importing it would book money that never arrived. */
export function accountMismatchError(account: string, expected: string): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    `This statement is for account ${account}, not for the platform's account ${expected}. Nothing was booked; upload the statement of ${expected}.`,
    { field: 'file', account, expected },
    { code: 'statementAccountMismatch', params: { account, expected } },
  );
}

export function entryNotFoundError(entryId: number): DomainError {
  return new DomainError('NOT_FOUND', `Bank entry ${entryId} does not exist.`, { entryId });
}

/** Someone else (or an earlier click) resolved it already: say what happened instead of doing it twice. */
export function entryAlreadyResolvedError(entryId: number, status: string): DomainError {
  return new DomainError(
    'CONFLICT',
    `This payment is no longer waiting for review (it is ${status}). Reload the list to see its current state.`,
    { entryId, status },
    { code: 'entryAlreadyResolved', params: { status } },
  );
}

export function entryNotAssignableError(entryId: number, why: 'currency' | 'zeroAmount'): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    why === 'currency'
      ? 'Only euro payments can be added to an advertiser balance. Return this payment to the sender and dismiss it with a note.'
      : 'A payment of zero cannot be added to a balance. Dismiss it with a note.',
    { entryId, why },
    { code: 'entryNotAssignable', params: { why } },
  );
}

export function organisationNotFoundError(): DomainError {
  return new DomainError('NOT_FOUND', 'This advertiser does not exist. Choose one from the list.', {
    field: 'organisationId',
    messageKey: 'bankStatements:review.advertiserUnknown',
  });
}

export function noOrganisationError(): DomainError {
  return new DomainError('NOT_FOUND', 'Your account does not belong to an advertiser organisation, so it has no balance or invoices.');
}

export function invoiceNotFoundError(): DomainError {
  return new DomainError('NOT_FOUND', 'This invoice does not exist, or it belongs to another organisation.');
}
