export { parseStatement } from './parse-statement';
export { decodeStatementBytes } from './encoding';
export { detectFormat } from './format.detector';
export { normaliseIban, isValidIban } from './iban';
export { dedupeKey, dedupeKeys } from './dedupe-key';
export { MAX_REPORTED_PROBLEMS, MAX_STATEMENT_BYTES, MAX_STATEMENT_ROWS } from './limits';
export {
  describeProblem,
  EmptyStatementError,
  StatementEncodingError,
  StatementFormatError,
  StatementParseError,
  StatementTooLargeError,
  UNSUPPORTED_FORMAT_MESSAGE,
  UnsafeXmlError,
  XML_NOT_CAMT053_MESSAGE,
} from './import.errors';
export { fileIssues } from './problem.catalogue';
export type { ImportIssue } from './problem.catalogue';
export { STATEMENT_FORMATS } from './statement.types';
export type { LineProblem, ParsedStatement, ParsedTransaction, StatementFile, StatementFormat } from './statement.types';
export { createImportService, runImport } from './import.service';
export type { ImportRunResult, ImportService, UploadErrorDto, UploadSummaryDto } from './import.service';
export { createTransactionsService } from './transactions.service';
export type { TransactionsService } from './transactions.service';
export { uploadRepository } from './upload.repository';
export { transactionRepository } from './transaction.repository';
