import { isCurrencyCode, minorUnitExponent, parseAmount } from './amount';
import { normaliseAccount, singleAccountIban } from './account';
import { bankCodeOf, counterpartyOf, creditorReferencesOf, remittanceOf } from './camt053.parties';
import { attributeAt, nodesAt, parseXml, textAt, type ParsedXml, type XmlNode } from './camt053.xml';
import { parseIsoDate, parseIsoDateTimeAsDate } from './date';
import { EmptyStatementError, StatementFormatError, StatementTooLargeError } from './import.errors';
import { MAX_STATEMENT_ROWS } from './limits';
import { rowIssues } from './problem.catalogue';
import { ProblemCollector } from './problems';
import { collapseWhitespace, meaningfulReference } from './text';
import type { ParsedStatement, ParsedTransaction } from './statement.types';

interface Context {
  xml: ParsedXml;
  problems: ProblemCollector;
  account: string;
  accountCurrency: string | undefined;
}

const SIGN_BY_INDICATOR: Readonly<Record<string, 1 | -1>> = { CRDT: 1, DBIT: -1 };

/** `Amt` with its `Ccy` attribute, as minor units; records a problem and returns null when unusable. */
function readAmount(ctx: Context, owner: XmlNode, path: string[], column: string): { minor: number; currency: string } | null {
  const raw = textAt(owner, ...path) ?? '';
  const currency = (attributeAt(owner, 'Ccy', ...path) ?? ctx.accountCurrency ?? '').toUpperCase();
  const line = ctx.xml.lineOf(owner);
  if (!isCurrencyCode(currency)) {
    ctx.problems.add(line, `${column}/@Ccy`, rowIssues.currencyInvalid(currency));
    return null;
  }
  const amount = parseAmount(raw, 'xml', minorUnitExponent(currency));
  if (!amount.ok) {
    ctx.problems.add(line, column, raw === '' ? rowIssues.amountMissing() : rowIssues.amount(raw, amount.reason, currency));
    return null;
  }
  if (amount.signed) {
    ctx.problems.add(line, column, rowIssues.amountSigned(raw, 'CdtDbtInd'));
    return null;
  }
  return { minor: amount.minor, currency };
}

function readDirection(ctx: Context, owner: XmlNode, column: string, fallback?: 1 | -1): 1 | -1 | null {
  const raw = textAt(owner, 'CdtDbtInd');
  if (raw === undefined && fallback !== undefined) return fallback;
  const sign = SIGN_BY_INDICATOR[(raw ?? '').toUpperCase()];
  if (sign === undefined) ctx.problems.add(ctx.xml.lineOf(owner), column, rowIssues.directionInvalid(raw ?? '', ['CRDT', 'DBIT']));
  return sign ?? null;
}

function readBookingDate(ctx: Context, entry: XmlNode): string | null {
  const date = textAt(entry, 'BookgDt', 'Dt');
  const dateTime = textAt(entry, 'BookgDt', 'DtTm');
  const bookedOn = date !== undefined ? parseIsoDate(date) : dateTime !== undefined ? parseIsoDateTimeAsDate(dateTime) : null;
  if (bookedOn === null) {
    const shown = date ?? dateTime;
    ctx.problems.add(ctx.xml.lineOf(entry), 'Ntry/BookgDt', shown === undefined ? rowIssues.dateMissing() : rowIssues.dateInvalid(shown, 'YYYY-MM-DD'));
  }
  return bookedOn;
}

function hasOwnAmount(details: XmlNode): boolean {
  return textAt(details, 'Amt') !== undefined || textAt(details, 'AmtDtls', 'TxAmt', 'Amt') !== undefined;
}

function readEntry(ctx: Context, entry: XmlNode, out: ParsedTransaction[]): void {
  const line = ctx.xml.lineOf(entry);
  const bookedOn = readBookingDate(ctx, entry);
  const amount = readAmount(ctx, entry, ['Amt'], 'Ntry/Amt');
  const sign = readDirection(ctx, entry, 'Ntry/CdtDbtInd');
  const reversal = /^(true|1)$/i.test(textAt(entry, 'RvslInd') ?? '');
  const details = nodesAt(entry, 'NtryDtls').flatMap((group) => nodesAt(group, 'TxDtls'));
  const entryRef = meaningfulReference(textAt(entry, 'AcctSvcrRef'));
  const entryCode = bankCodeOf(entry);

  // A batch whose details carry their own amounts becomes one transaction per detail: each has its own
  // counterparty worth categorising.
  if (details.length >= 2 && details.every(hasOwnAmount)) {
    const parts: ParsedTransaction[] = [];
    details.forEach((detail, i) => {
      const path = textAt(detail, 'Amt') !== undefined ? ['Amt'] : ['AmtDtls', 'TxAmt', 'Amt'];
      const detailAmount = readAmount(ctx, detail, path, `TxDtls/${path.join('/')}`);
      const detailSign = readDirection(ctx, detail, 'TxDtls/CdtDbtInd', sign ?? undefined);
      if (ctx.problems.count > 0 || bookedOn === null || detailAmount === null || detailSign === null) return;
      const party = counterpartyOf(detail, detailSign > 0, reversal, ctx.account);
      parts.push({
        line: ctx.xml.lineOf(detail),
        account: ctx.account,
        bookedOn,
        amountCents: detailSign * detailAmount.minor || 0,
        currency: detailAmount.currency,
        counterpartyName: party.name,
        counterpartyIban: party.iban,
        description: remittanceOf(detail, entry),
        bankCode: bankCodeOf(detail) ?? entryCode,
        // Batch details share the entry's reference; the position keeps them apart and is stable in re-exports.
        sourceRef: meaningfulReference(textAt(detail, 'Refs', 'AcctSvcrRef')) ?? (entryRef ? `${entryRef}/${i + 1}` : null),
        endToEndId: meaningfulReference(textAt(detail, 'Refs', 'EndToEndId')),
        reversal,
        creditorReferences: creditorReferencesOf(detail),
      });
    });
    if (ctx.problems.count > 0 || bookedOn === null || amount === null || sign === null) return;
    out.push(...parts);
    // The details need not add up to the booked amount (a batch fee, say). The difference is real money on the
    // account, so it is kept as its own row rather than dropped or spread over the details.
    const remainder = sign * amount.minor - parts.reduce((sum, part) => sum + part.amountCents, 0);
    if (remainder !== 0 && parts.every((part) => part.currency === amount.currency)) {
      const info = collapseWhitespace(textAt(entry, 'AddtlNtryInf') ?? '');
      out.push({
        line,
        account: ctx.account,
        bookedOn,
        amountCents: remainder,
        currency: amount.currency,
        counterpartyName: '',
        counterpartyIban: null,
        description: `Part of a batch the bank did not itemise${info ? `: ${info}` : ''}`,
        bankCode: entryCode,
        sourceRef: entryRef ? `${entryRef}/rest` : null,
        endToEndId: null,
        reversal,
      });
    }
    return;
  }

  if (ctx.problems.count > 0 || bookedOn === null || amount === null || sign === null) return;
  const detail = details.length === 1 ? details[0] : undefined;
  const party = counterpartyOf(detail, sign > 0, reversal, ctx.account);
  const batchSize = details.length > 1 ? details.length : Number(textAt(entry, 'NtryDtls', 'Btch', 'NbOfTxs') ?? '0');
  const fallbackDescription = batchSize > 1 ? `Batch of ${batchSize} transactions` : '';
  out.push({
    line,
    account: ctx.account,
    bookedOn,
    amountCents: sign * amount.minor || 0,
    currency: amount.currency,
    counterpartyName: party.name,
    counterpartyIban: party.iban,
    description: remittanceOf(detail, entry) || fallbackDescription,
    bankCode: bankCodeOf(detail) ?? entryCode,
    sourceRef: entryRef ?? meaningfulReference(textAt(detail, 'Refs', 'AcctSvcrRef')),
    endToEndId: meaningfulReference(textAt(detail, 'Refs', 'EndToEndId')),
    reversal,
    creditorReferences: creditorReferencesOf(detail),
  });
}

/** Booked (`BOOK`) entries only: pending and information-only entries may still change or never happen. */
function isBooked(entry: XmlNode): boolean {
  const status = textAt(entry, 'Sts', 'Cd') ?? textAt(entry, 'Sts');
  return status?.toUpperCase() === 'BOOK';
}

/**
 * ISO 20022 bank-to-customer statement, versions camt.053.001.02 to .13 (the elements read here are the same in
 * all of them apart from the `Sts/Cd` and `Pty` wrappers, which are handled). Several `Stmt` per document.
 */
export function parseCamt053(text: string): ParsedStatement {
  const xml = parseXml(text);
  const document = nodesAt(xml.root, 'Document')[0];
  const report = nodesAt(document, 'BkToCstmrStmt')[0];
  if (report === undefined) throw new StatementFormatError('camt053-namespace-without-statement');

  const statements = nodesAt(report, 'Stmt');
  const entryCount = statements.reduce((sum, statement) => sum + nodesAt(statement, 'Ntry').length, 0);
  if (entryCount > MAX_STATEMENT_ROWS) throw new StatementTooLargeError('rows');

  const problems = new ProblemCollector();
  const transactions: ParsedTransaction[] = [];
  for (const statement of statements) {
    const account = normaliseAccount(textAt(statement, 'Acct', 'Id', 'IBAN') ?? textAt(statement, 'Acct', 'Id', 'Othr', 'Id') ?? '');
    if (account === '') {
      problems.add(xml.lineOf(statement), 'Stmt/Acct/Id', rowIssues.statementAccountMissing());
      continue;
    }
    const ctx: Context = { xml, problems, account, accountCurrency: textAt(statement, 'Acct', 'Ccy')?.toUpperCase() };
    for (const entry of nodesAt(statement, 'Ntry')) if (isBooked(entry)) readEntry(ctx, entry, transactions);
  }

  problems.throwIfAny();
  if (transactions.length === 0) throw new EmptyStatementError('no-transactions');
  return { format: 'camt053', accountIban: singleAccountIban(transactions), transactions };
}
