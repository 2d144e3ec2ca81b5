import { isCurrencyCode, minorUnitExponent, parseAmount } from './amount';
import { accountNormaliser, singleAccountIban } from './account';
import { indexColumns } from './csv.header';
import { tokenizeCsv, type CsvRow } from './csv.tokenizer';
import { parseCompactDate, parseIsoDate } from './date';
import { ibanOrNull } from './iban';
import { EmptyStatementError, StatementTooLargeError } from './import.errors';
import { ING_COLUMNS, type IngColumn } from './ing-csv.columns';
import { parseMededelingen } from './ing-mededelingen';
import { MAX_STATEMENT_ROWS } from './limits';
import { rowIssues } from './problem.catalogue';
import { ProblemCollector } from './problems';
import { collapseWhitespace } from './text';
import type { ParsedStatement, ParsedTransaction } from './statement.types';

const SIGN_BY_DIRECTION: Readonly<Record<string, 1 | -1>> = { af: -1, bij: 1, debit: -1, credit: 1 };
const DIRECTIONS = ['Af', 'Bij'];

/**
 * ING payment-account CSV (comma variant with `MutatieSoort`, semicolon variant with `Saldo na mutatie` and
 * `Tag`, Dutch or English headers) and the savings-account layout. Columns are found by header name, so the
 * variants differ only in which columns exist.
 */
export function parseIngCsv(text: string, layout: { variant: 'current' | 'savings'; delimiter: string }): ParsedStatement {
  const [header, ...rows] = tokenizeCsv(text, layout.delimiter, { looseQuotes: 'mark' });
  if (!header || rows.length === 0) throw new EmptyStatementError('no-transactions');
  if (rows.length > MAX_STATEMENT_ROWS) throw new StatementTooLargeError('rows');

  const problems = new ProblemCollector();
  const read = ingRowReader(header.fields, layout, problems);
  const transactions: ParsedTransaction[] = [];
  for (const row of rows) {
    const tx = read(row);
    if (tx) transactions.push(tx);
  }

  problems.throwIfAny();
  return { format: 'ing-csv', accountIban: singleAccountIban(transactions), transactions };
}

/**
 * Reads one ING row into a transaction, or notes its problems in `problems` and returns undefined. Shared by the
 * whole-file parser and the import's streaming path, so both read every row alike.
 */
export function ingRowReader(
  headerFields: readonly string[],
  layout: { variant: 'current' | 'savings' },
  problems: ProblemCollector,
): (row: CsvRow) => ParsedTransaction | undefined {
  const index = indexColumns(headerFields, ING_COLUMNS);
  const nameOf = (column: IngColumn): string => headerFields[index[column] ?? -1] ?? column;
  const width = headerFields.length;
  const accountOf = accountNormaliser();

  return ({ line, fields, looseQuote }) => {
    // Decision, as for Rabobank: ING quotes every value, so a quote inside an unquoted value means the row lost a
    // quote when it was edited. Which characters belong to which field is then a guess, and a guessed amount must
    // not be imported, so the row (and with it the upload, which is all or nothing) is refused with its line.
    if (looseQuote) {
      problems.add(line, '', rowIssues.quotesMismatched());
      return undefined;
    }
    if (fields.length !== width) {
      problems.add(line, '', rowIssues.columnCount(fields.length, width, 'header'));
      return undefined;
    }
    const field = (column: IngColumn): string => (index[column] === undefined ? '' : (fields[index[column]] ?? '').trim());

    const rawDate = field('date');
    // Payment accounts write YYYYMMDD, savings accounts YYYY-MM-DD; accepting both costs nothing.
    const bookedOn = parseCompactDate(rawDate) ?? parseIsoDate(rawDate);
    if (bookedOn === null) problems.add(line, nameOf('date'), rowIssues.dateInvalid(rawDate, 'YYYYMMDD'));

    const rawDirection = field('direction');
    const sign = SIGN_BY_DIRECTION[rawDirection.toLowerCase()];
    if (sign === undefined) {
      problems.add(
        line,
        nameOf('direction'),
        rawDirection === '' ? rowIssues.directionMissing('Af Bij', DIRECTIONS) : rowIssues.directionInvalid(rawDirection, DIRECTIONS),
      );
    }

    const currency = layout.variant === 'savings' ? field('currency').toUpperCase() : 'EUR';
    if (!isCurrencyCode(currency)) problems.add(line, nameOf('currency'), rowIssues.currencyInvalid(currency));

    const rawAmount = field('amount');
    const amount = parseAmount(rawAmount, 'nl', minorUnitExponent(currency));
    if (!amount.ok) problems.add(line, nameOf('amount'), rowIssues.amount(rawAmount, amount.reason, currency));
    // The sign lives in Af Bij; a signed amount means the columns are not what we think they are.
    else if (amount.signed) problems.add(line, nameOf('amount'), rowIssues.amountSigned(rawAmount, 'Af Bij'));

    const account = accountOf(field('account'));
    if (account === '') problems.add(line, nameOf('account'), rowIssues.accountEmpty());

    // Once the file is known to fail, building rows is wasted work; checking continues so all problems are listed.
    if (problems.count > 0 || bookedOn === null || sign === undefined || !amount.ok) return undefined;

    const notesText = field('notes');
    const notes = parseMededelingen(notesText);
    return {
      line,
      account,
      bookedOn,
      amountCents: sign * amount.minor || 0,
      currency,
      counterpartyName: collapseWhitespace(field('name')) || (notes.fields.name ?? ''),
      counterpartyIban: ibanOrNull(field('counterparty')) ?? ibanOrNull(notes.fields.iban),
      description: notes.fields.description ?? (notes.prefix || collapseWhitespace(notesText)),
      bankCode: (layout.variant === 'current' ? field('code') : field('kind')) || null,
      sourceRef: null,
      endToEndId: null,
      reversal: false,
    };
  };
}
