import { DomainError } from '@dd/errors';
import { MAX_STATEMENT_BYTES, MAX_STATEMENT_ROWS, MAX_XML_ELEMENTS } from './limits';
import { fileIssues, type ImportIssue } from './problem.catalogue';
import type { LineProblem } from './statement.types';

export { UNSUPPORTED_FORMAT_MESSAGE, XML_NOT_CAMT053_MESSAGE } from './problem.catalogue';

/** A refused upload: the problem's English sentence as the message, its code and parameters as the reason. */
abstract class ImportProblemError extends DomainError {
  constructor(issue: ImportIssue, details?: Record<string, string | number>) {
    super('VALIDATION_FAILED', issue.message, details, { code: issue.code, params: issue.params });
  }
}

export type FormatRefusal =
  | 'pdf'
  | 'zip-or-spreadsheet'
  | 'unreadable-first-line'
  | 'unknown-header'
  | 'payment-initiation-xml'
  | 'xml-not-camt053'
  | 'camt053-namespace-without-statement';

const XML_REFUSALS: ReadonlySet<FormatRefusal> = new Set(['payment-initiation-xml', 'xml-not-camt053', 'camt053-namespace-without-statement']);

/**
 * The content matches none of the formats we read. `reason` is for logs; the person sees the list of formats,
 * and for XML that it is not a CAMT.053 statement.
 */
export class StatementFormatError extends ImportProblemError {
  constructor(reason: FormatRefusal) {
    super(XML_REFUSALS.has(reason) ? fileIssues.xmlNotCamt053() : fileIssues.formatUnsupported(), { reason });
    this.name = 'StatementFormatError';
  }
}

/** Nothing to import: an empty upload, or a statement without a single booked transaction. */
export class EmptyStatementError extends ImportProblemError {
  readonly kind: 'empty' | 'no-transactions';

  constructor(kind: 'empty' | 'no-transactions') {
    super(kind === 'empty' ? fileIssues.empty() : fileIssues.noTransactions(), { kind });
    this.name = 'EmptyStatementError';
    this.kind = kind;
  }
}

/** Over the byte, row or (XML) element limit; refused before the expensive work starts. */
export class StatementTooLargeError extends ImportProblemError {
  constructor(limit: 'bytes' | 'rows' | 'elements') {
    super(
      limit === 'bytes' ? fileIssues.tooLarge() : limit === 'rows' ? fileIssues.tooManyRows() : fileIssues.tooManyElements(),
      limit === 'bytes' ? { limitBytes: MAX_STATEMENT_BYTES } : limit === 'rows' ? { limitRows: MAX_STATEMENT_ROWS } : { limitElements: MAX_XML_ELEMENTS },
    );
    this.name = 'StatementTooLargeError';
  }
}

/** DOCTYPE and entity declarations are how XML bombs and XXE work; real CAMT.053 files never contain them. */
export class UnsafeXmlError extends ImportProblemError {
  constructor() {
    super(fileIssues.unsafeXml());
    this.name = 'UnsafeXmlError';
  }
}

/** Text with NUL characters: UTF-16 without a byte-order mark, or no text at all. */
export class StatementEncodingError extends ImportProblemError {
  constructor() {
    super(fileIssues.encodingUnsupported());
    this.name = 'StatementEncodingError';
  }
}

/** Shown in the message; the full list (up to the cap) is on `problems`. */
const PROBLEMS_IN_MESSAGE = 3;

export function describeProblem(problem: Pick<LineProblem, 'line' | 'column' | 'message'>): string {
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
      { code: 'rowProblems', params: { count: totalProblems } },
    );
    this.name = 'StatementParseError';
    this.problems = problems;
    this.totalProblems = totalProblems;
  }
}
