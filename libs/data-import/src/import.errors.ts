import { DomainError } from '@dd/errors';
import type { LineProblem } from './statement.types';
import { MAX_STATEMENT_BYTES, MAX_STATEMENT_ROWS } from './limits';

export const UNSUPPORTED_FORMAT_MESSAGE =
  'This file is not a bank statement we can read. Upload the CSV export of ING, Rabobank or ABN AMRO (TAB), or a CAMT.053 XML statement.';

/** The content matches none of the formats we read. `reason` is for logs; the person sees the list of formats. */
export class StatementFormatError extends DomainError {
  constructor(reason: string) {
    super('VALIDATION_FAILED', UNSUPPORTED_FORMAT_MESSAGE, { reason });
    this.name = 'StatementFormatError';
  }
}

/** Nothing to import: an empty upload, or a statement without a single booked transaction. */
export class EmptyStatementError extends DomainError {
  readonly kind: 'empty' | 'no-transactions';

  constructor(kind: 'empty' | 'no-transactions') {
    super('VALIDATION_FAILED', kind === 'empty' ? 'The file is empty.' : 'The file contains no transactions.', { kind });
    this.name = 'EmptyStatementError';
    this.kind = kind;
  }
}

const MIB = 1024 * 1024;

/** Over the byte or row limit; refused before the expensive work starts. */
export class StatementTooLargeError extends DomainError {
  constructor(limit: 'bytes' | 'rows') {
    super(
      'VALIDATION_FAILED',
      limit === 'bytes'
        ? `The file is larger than ${MAX_STATEMENT_BYTES / MIB} MB. Export a shorter period and upload it in parts.`
        : `The file has more than ${MAX_STATEMENT_ROWS.toLocaleString('en-US')} transactions. Export a shorter period and upload it in parts.`,
      limit === 'bytes' ? { limitBytes: MAX_STATEMENT_BYTES } : { limitRows: MAX_STATEMENT_ROWS },
    );
    this.name = 'StatementTooLargeError';
  }
}

/** DOCTYPE and entity declarations are how XML bombs and XXE work; real CAMT.053 files never contain them. */
export class UnsafeXmlError extends DomainError {
  constructor() {
    super(
      'VALIDATION_FAILED',
      'This XML file contains a DOCTYPE or entity declaration, which bank statements never do, so it was not read. Upload the CAMT.053 file exactly as your bank provided it.',
    );
    this.name = 'UnsafeXmlError';
  }
}

/** Shown in the message; the full list (up to the cap) is on `problems`. */
const PROBLEMS_IN_MESSAGE = 3;

export function describeProblem(problem: LineProblem): string {
  const where = problem.column === '' ? `Line ${problem.line}` : `Line ${problem.line}, column ${problem.column}`;
  return `${where}: ${problem.message}`;
}

/**
 * At least one row is malformed. Imports are all or nothing, so a person fixes the file (or downloads it again)
 * rather than ending up with a statement that silently misses rows.
 */
export class StatementParseError extends DomainError {
  readonly problems: readonly LineProblem[];
  /** All problems found, including those beyond the cap that are not listed in `problems`. */
  readonly totalProblems: number;

  constructor(problems: readonly LineProblem[], totalProblems: number = problems.length) {
    const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).map(describeProblem).join(' ');
    const rest = totalProblems - Math.min(problems.length, PROBLEMS_IN_MESSAGE);
    const noun = totalProblems === 1 ? 'problem' : 'problems';
    super(
      'VALIDATION_FAILED',
      `The file has ${totalProblems} ${noun}; nothing was imported. ${shown}${rest > 0 ? ` …and ${rest} more.` : ''}`,
      { problems: totalProblems, firstLine: problems[0]?.line ?? 0 },
    );
    this.name = 'StatementParseError';
    this.problems = problems;
    this.totalProblems = totalProblems;
  }
}
