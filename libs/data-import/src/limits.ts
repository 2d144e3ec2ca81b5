/** Bank exports of a year of a busy account stay far below this; anything larger is not a statement or should be split. */
export const MAX_STATEMENT_BYTES = 20 * 1024 * 1024;

/** Caps the work per upload (and the rows one import job writes) independently of how compact the format is. */
export const MAX_STATEMENT_ROWS = 200_000;

/** A person fixes a file from the first few problems; listing thousands helps nobody and bloats the error. */
export const MAX_REPORTED_PROBLEMS = 50;
