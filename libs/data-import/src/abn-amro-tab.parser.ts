import { isCurrencyCode, minorUnitExponent, parseAmount } from './amount';
import { singleAccountIban } from './account';
import { parseAbnAmroDescription } from './abn-amro-description';
import { parseCompactDate } from './date';
import { dutchIbanFromAccountNumber, looksLikeIban, normaliseIban } from './iban';
import { EmptyStatementError, StatementTooLargeError } from './import.errors';
import { MAX_STATEMENT_ROWS } from './limits';
import { rowIssues } from './problem.catalogue';
import { ProblemCollector } from './problems';
import type { ParsedStatement, ParsedTransaction } from './statement.types';

/** The TAB export has no header, so problems name the column by position and meaning. */
const COLUMN = {
  account: '1 (account)',
  currency: '2 (currency)',
  date: '3 (transaction date)',
  amount: '7 (amount)',
} as const;

const COLUMN_COUNT = 8;

function accountOf(raw: string): string | null {
  const value = raw.trim();
  if (/^\d{7,10}$/.test(value)) return dutchIbanFromAccountNumber('ABNA', value);
  const iban = normaliseIban(value);
  return looksLikeIban(iban) ? iban : null;
}

/**
 * ABN AMRO `TXT*.TAB`: no header, eight tab-separated columns (account, currency, transaction date, start
 * balance, end balance, value date, signed amount, description), possibly several accounts in one file.
 * Blank lines and lines starting with `#` are skipped.
 */
export function parseAbnAmroTab(text: string): ParsedStatement {
  const rows = text
    .split('\n')
    .map((content, i) => ({ line: i + 1, content: content.replace(/\r$/, '') }))
    // Blank lines and `#` comment lines (ABN AMRO's public sample has both) are not rows; line numbers still count them.
    .filter((row) => row.content.trim() !== '' && !row.content.trimStart().startsWith('#'));
  if (rows.length === 0) throw new EmptyStatementError('no-transactions');
  if (rows.length > MAX_STATEMENT_ROWS) throw new StatementTooLargeError('rows');

  const problems = new ProblemCollector();
  const transactions: ParsedTransaction[] = [];

  for (const { line, content } of rows) {
    const fields = content.split('\t');
    // Some tools append an empty trailing column when saving; only real extra content is an error.
    if (fields.length < COLUMN_COUNT || fields.slice(COLUMN_COUNT).some((extra) => extra.trim() !== '')) {
      problems.add(line, '', rowIssues.columnCount(fields.length, COLUMN_COUNT, 'ABN AMRO'));
      continue;
    }
    const [rawAccount = '', rawCurrency = '', rawDate = '', , , , rawAmount = '', rawDescription = ''] = fields;

    const account = accountOf(rawAccount);
    if (account === null) problems.add(line, COLUMN.account, rowIssues.accountInvalid(rawAccount.trim()));

    const currency = rawCurrency.trim().toUpperCase();
    if (!isCurrencyCode(currency)) problems.add(line, COLUMN.currency, rowIssues.currencyInvalid(currency));

    const bookedOn = parseCompactDate(rawDate);
    if (bookedOn === null) problems.add(line, COLUMN.date, rowIssues.dateInvalid(rawDate.trim(), 'YYYYMMDD'));

    const amount = parseAmount(rawAmount, 'nl', minorUnitExponent(currency));
    if (!amount.ok) problems.add(line, COLUMN.amount, rowIssues.amount(rawAmount.trim(), amount.reason, currency));

    // Once the file is known to fail, building rows is wasted work; checking continues so all problems are listed.
    if (problems.count > 0 || account === null || bookedOn === null || !amount.ok) continue;

    transactions.push({
      line,
      account,
      bookedOn,
      amountCents: amount.minor,
      currency,
      ...parseAbnAmroDescription(rawDescription),
      sourceRef: null,
      endToEndId: null,
      reversal: false,
    });
  }

  problems.throwIfAny();
  return { format: 'abn-amro-tab', accountIban: singleAccountIban(transactions), transactions };
}
