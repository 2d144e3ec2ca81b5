export { parseStatement } from './parse-statement';
export { dedupeKey, dedupeKeys } from './dedupe-key';
export { MAX_REPORTED_PROBLEMS, MAX_STATEMENT_BYTES, MAX_STATEMENT_ROWS } from './limits';
export {
  describeProblem,
  EmptyStatementError,
  StatementFormatError,
  StatementParseError,
  StatementTooLargeError,
  UNSUPPORTED_FORMAT_MESSAGE,
  UnsafeXmlError,
} from './import.errors';
export { STATEMENT_FORMATS } from './statement.types';
export type { LineProblem, ParsedStatement, ParsedTransaction, StatementFile, StatementFormat } from './statement.types';
export { createImportService, runImport } from './import.service';
export type { ImportRunResult, ImportService, UploadSummaryDto } from './import.service';
export { createTransactionsService } from './transactions.service';
export type { TransactionsService } from './transactions.service';
export { uploadRepository } from './upload.repository';
export { transactionRepository } from './transaction.repository';
