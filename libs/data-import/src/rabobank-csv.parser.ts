import { isCurrencyCode, minorUnitExponent, parseAmount } from './amount';
import { accountNormaliser, singleAccountIban } from './account';
import { tokenizeCsv, type CsvRow } from './csv.tokenizer';
import { parseIsoDate } from './date';
import { ibanOrNull } from './iban';
import { EmptyStatementError, StatementTooLargeError } from './import.errors';
import { MAX_STATEMENT_ROWS } from './limits';
import { rowIssues } from './problem.catalogue';
import { ProblemCollector } from './problems';
import { RABOBANK_COLUMN_COUNT, RABOBANK_COLUMNS, type RabobankColumn } from './rabobank-csv.columns';
import { collapseWhitespace, meaningfulReference } from './text';
import type { ParsedStatement, ParsedTransaction } from './statement.types';

/** Rabobank CSV: 26 quoted columns, ISO dates, signed amounts with a decimal comma, `Volgnr` as the bank's row id. */
export function parseRabobankCsv(text: string, layout: { delimiter: string }): ParsedStatement {
  const [header, ...rows] = tokenizeCsv(text, layout.delimiter, { looseQuotes: 'mark' });
  if (!header || rows.length === 0) throw new EmptyStatementError('no-transactions');
  if (rows.length > MAX_STATEMENT_ROWS) throw new StatementTooLargeError('rows');

  const problems = new ProblemCollector();
  const read = rabobankRowReader(header.fields, problems);
  const transactions: ParsedTransaction[] = [];
  for (const row of rows) {
    const tx = read(row);
    if (tx) transactions.push(tx);
  }

  problems.throwIfAny();
  return { format: 'rabobank-csv', accountIban: singleAccountIban(transactions), transactions };
}

/**
 * Reads one Rabobank row into a transaction, or notes its problems in `problems` and returns undefined. Shared by
 * the whole-file parser and the import's streaming path, so both read every row alike.
 */
export function rabobankRowReader(headerFields: readonly string[], problems: ProblemCollector): (row: CsvRow) => ParsedTransaction | undefined {
  const nameOf = (column: RabobankColumn): string => collapseWhitespace(headerFields[RABOBANK_COLUMNS[column]] ?? column);
  const accountOf = accountNormaliser();

  return ({ line, fields, looseQuote }) => {
    // Decision: Rabobank quotes every value, so a quote inside an unquoted value means the row was damaged, most
    // often an opening quote lost when the file was edited (`…,Albert Heijn",…`). Its values can still come out
    // right, but which characters belong to which field is then a guess, and a guessed amount or account must not
    // be imported. So the row is refused with its line, and the file with it, like every other row problem: an
    // upload is all or nothing (there is no "partly imported" upload, and a silently missing row would make
    // spending wrong); the customer re-exports or fixes the line and uploads again, and deduplication keeps that safe.
    if (looseQuote) {
      problems.add(line, '', rowIssues.quotesMismatched());
      return undefined;
    }
    if (fields.length !== RABOBANK_COLUMN_COUNT) {
      problems.add(line, '', rowIssues.columnCount(fields.length, RABOBANK_COLUMN_COUNT, 'Rabobank'));
      return undefined;
    }
    // Rabobank writes `" "` for empty fields.
    const field = (column: RabobankColumn): string => (fields[RABOBANK_COLUMNS[column]] ?? '').trim();

    const rawDate = field('date');
    const bookedOn = parseIsoDate(rawDate);
    if (bookedOn === null) problems.add(line, nameOf('date'), rowIssues.dateInvalid(rawDate, 'YYYY-MM-DD'));

    const currency = field('currency').toUpperCase();
    if (!isCurrencyCode(currency)) problems.add(line, nameOf('currency'), rowIssues.currencyInvalid(currency));

    const rawAmount = field('amount');
    const amount = parseAmount(rawAmount, 'nl', minorUnitExponent(currency));
    if (!amount.ok) problems.add(line, nameOf('amount'), rowIssues.amount(rawAmount, amount.reason, currency));

    const account = accountOf(field('account'));
    if (account === '') problems.add(line, nameOf('account'), rowIssues.accountEmpty());

    // Once the file is known to fail, building rows is wasted work; checking continues so all problems are listed.
    if (problems.count > 0 || bookedOn === null || !amount.ok) return undefined;

    const description = collapseWhitespace([field('description1'), field('description2'), field('description3')].join(' '));
    return {
      line,
      account,
      bookedOn,
      amountCents: amount.minor,
      currency,
      counterpartyName: collapseWhitespace(field('counterpartyName') || field('ultimateName') || field('initiatingName')),
      counterpartyIban: ibanOrNull(field('counterpartyIban')),
      description: description || collapseWhitespace(field('paymentReference')),
      bankCode: field('code') || null,
      sourceRef: field('sequence') || null,
      endToEndId: meaningfulReference(field('endToEndId')),
      reversal: false,
    };
  };
}
