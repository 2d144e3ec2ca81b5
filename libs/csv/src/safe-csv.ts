import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

/**
 * What a spreadsheet reads as the start of a formula (OWASP, "CSV injection"): = + - @, and tab and
 * carriage return, which some programs skip before looking for one of those.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that Excel or LibreOffice would run as a formula gets a leading single quote, so it
 * opens as the text it is. A counterparty called `=HYPERLINK(…)` comes from a bank statement, that
 * is from anyone who can send the customer money with a description.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function safeCell(cell: CsvCell): CsvCell {
  // Numbers stay numbers: -12.5 is an amount, not a formula, and must stay one for the spreadsheet.
  return typeof cell === 'string' ? neutraliseFormula(cell) : cell;
}

/**
 * The one way the platform writes CSV: RFC 4180 by csv-stringify, with every text cell (headers
 * included) neutralised. Use it for anything a person may open in a spreadsheet.
 */
export function toCsv(records: readonly (readonly CsvCell[])[], options: { columns?: readonly string[] } = {}): string {
  const rows = records.map((record) => record.map(safeCell));
  return options.columns
    ? stringify(rows, { header: true, columns: options.columns.map((column) => neutraliseFormula(column)) })
    : stringify(rows);
}
