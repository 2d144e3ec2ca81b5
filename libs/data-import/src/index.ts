export { parseStatement } from './parse-statement';
export type { ParseOptions } from './parse-statement';
export { decodeStatementBytes } from './encoding';
export { detectFormat } from './format.detector';
export { normaliseIban, isValidIban } from './iban';
export { dedupeKey, dedupeKeys } from './dedupe-key';
export {
  IMPORT_TIME_LIMIT_MINUTES,
  MAX_COLUMNS,
  MAX_FIELD_CHARS,
  MAX_LINE_CHARS,
  MAX_REPORTED_PROBLEMS,
  MAX_STATEMENT_BYTES,
  MAX_STATEMENT_ROWS,
  MAX_STORED_DESCRIPTION_CHARS,
  MAX_STORED_NAME_CHARS,
  MAX_XML_DEPTH,
  MAX_XML_ELEMENTS,
} from './limits';
export { storedText, TRUNCATION_MARKER } from './text';
export { sha256OfUpload } from './upload-hash';
export { receiveUpload } from './upload-intake';
export type { UploadedStatement } from './upload-intake';
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
export { createImportService, failImport, importJobId, runImport, sweepStuckUploads } from './import.service';
export type { ImportDeps, ImportPhase, ImportRunResult, ImportService, UploadErrorDto, UploadSummaryDto } from './import.service';
export { prepareImportRows } from './import-rows';
export type { PreparedRow } from './import-rows';
export { createTransactionsService } from './transactions.service';
export type { TransactionsService } from './transactions.service';
export { uploadRepository } from './upload.repository';
export { transactionRepository } from './transaction.repository';
export {
  queueRecategorisationIfRulesChanged, RECATEGORISATION_BATCH, recategorisationJobId, recategorisedFeaturesJobId, runRecategorisation,
} from './recategorisation.service';
export type { RecategorisationOptions, RecategorisationResult } from './recategorisation.service';
