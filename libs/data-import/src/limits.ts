/** Bank exports of a year of a busy account stay far below this; anything larger is not a statement or should be split. */
export const MAX_STATEMENT_BYTES = 20 * 1024 * 1024;

/** Caps the work per upload (and the rows one import job writes) independently of how compact the format is. */
export const MAX_STATEMENT_ROWS = 200_000;

/** A person fixes a file from the first few problems; listing thousands helps nobody and bloats the error. */
export const MAX_REPORTED_PROBLEMS = 50;

/*
 * What a parser reads at most, whatever the file claims. Each bound is far above what any bank
 * writes (measured on the fixtures and the banks' published layouts) and low enough that a hostile
 * file of 20 MB cannot make the worker build gigabytes of objects or recurse without end.
 */

/** CAMT.053 nests about 14 levels deep (…/TxDtls/RmtInf/Strd/CdtrRefInf/Tp/CdOrPrtry/Cd); 101 levels is an attack. */
export const MAX_XML_DEPTH = 32;

/**
 * A realistic CAMT.053 entry has 15–40 elements in 400–2,000 bytes, so 20 MB holds at most about
 * 750,000; a file of 20 MB of `<a/>` would be 5 million objects in the parser.
 */
export const MAX_XML_ELEMENTS = 1_000_000;

/** One line of a CSV or TAB export: ING and ABN AMRO write a few hundred characters, Rabobank's 26 columns about 1,000. */
export const MAX_LINE_CHARS = 10_000;

/** One value: a CSV field (also when quoted over several lines), an XML text, attribute or tag. */
export const MAX_FIELD_CHARS = 10_000;

/** Rabobank has the widest export with 26 columns; a row of thousands is a wrong delimiter or not a statement. */
export const MAX_COLUMNS = 64;

/**
 * What is stored of a description and a counterparty name. Longer values are cut with a marker (…):
 * they come from the bank, so the person cannot shorten them, and refusing a genuine statement for
 * a chatty remittance text would be worse than showing its first 1,000 characters (merchant and
 * reference come first). Dedupe keys are computed from the full text, so they do not change.
 */
export const MAX_STORED_DESCRIPTION_CHARS = 1_000;
export const MAX_STORED_NAME_CHARS = 200;

/**
 * An upload (or bank statement) not finished this long after it was stored is failed by the sweep and its
 * file deleted. Reading the largest allowed file takes well under a minute; retries add about 30 s of backoff.
 */
export const IMPORT_TIME_LIMIT_MINUTES = 15;
