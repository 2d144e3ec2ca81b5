import type { ImportIssue } from './problem.catalogue';

/** The formats we read; the value is stored with each import, so treat it as a persistent contract. */
export const STATEMENT_FORMATS = ['ing-csv', 'rabobank-csv', 'abn-amro-tab', 'camt053'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

/** An uploaded file as the API hands it over: the name is only a hint, the bytes decide. */
export interface StatementFile {
  name: string;
  bytes: Buffer;
}

export interface ParsedTransaction {
  /** 1-based line in the file where the row (CSV/TAB) or the entry element (XML) starts. */
  line: number;
  /**
   * The account this row was booked on, as the bank names it: an IBAN when the export has one (ABN AMRO's
   * old account numbers are converted to their IBAN), otherwise the bank's own number (ING savings `K 444-12345`).
   * Kept per row because one ABN AMRO, Rabobank or CAMT file can cover several accounts.
   */
  account: string;
  /** Booking date, `YYYY-MM-DD`, as the bank printed it (no time-zone conversion). */
  bookedOn: string;
  /**
   * Signed amount in minor units of `currency` (debit negative): cents for EUR, whole yen for JPY,
   * thousandths for KWD. Integer, never a float.
   */
  amountCents: number;
  /** ISO 4217 code, upper case. */
  currency: string;
  /** Empty when the bank gives no counterparty (interest, some card payments in CAMT). */
  counterpartyName: string;
  counterpartyIban: string | null;
  /** Free text with whitespace collapsed; may be empty. */
  description: string;
  /** The bank's transaction code: ING `BA`, Rabobank `bc`, ABN AMRO `BEA`/`SEPA Overboeking`, CAMT `PMNT/RCDT/ESCT`. */
  bankCode: string | null;
  /** The bank's own unique id for the booking (Rabobank `Volgnr`, CAMT `AcctSvcrRef`); null when the format has none. */
  sourceRef: string | null;
  /** CAMT end-to-end id of the payment, when the payer gave one; not unique, so never used for deduplication. */
  endToEndId: string | null;
  /** The bank booked this as the reversal of an earlier entry (CAMT `RvslInd`); the sign already says which way money moved. */
  reversal: boolean;
  /**
   * CAMT only: the structured creditor references (`RmtInf/Strd/CdtrRefInf/Ref`) of the payment, also when
   * `description` holds the unstructured text instead. Absent for the other formats.
   */
  creditorReferences?: string[];
}

export interface ParsedStatement {
  format: StatementFormat;
  /** The account IBAN when every row belongs to one IBAN account; null for multi-account files or non-IBAN accounts. */
  accountIban: string | null;
  transactions: ParsedTransaction[];
}

/**
 * One thing wrong with one row. `column` is the header name (CSV), position name (TAB) or element path (XML);
 * empty for the whole row. `code` and `params` say what is wrong in any language; `message` says it in English.
 */
export interface LineProblem extends ImportIssue {
  line: number;
  column: string;
}
