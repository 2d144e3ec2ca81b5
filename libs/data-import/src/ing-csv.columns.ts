import { indexColumns, normaliseHeader } from './csv.header';

/**
 * Accepted header spellings per logical column. ING writes Dutch or English headers depending on the language
 * of the customer's online banking, `MutatieSoort` or `Mutatiesoort` depending on the export's age, and the
 * savings-account export names the columns differently again.
 */
export const ING_COLUMNS = {
  date: ['datum', 'date'],
  name: ['naam / omschrijving', 'name / description', 'omschrijving', 'description'],
  account: ['rekening', 'account'],
  counterparty: ['tegenrekening', 'counterparty'],
  code: ['code'],
  direction: ['af bij', 'debit/credit'],
  amount: ['bedrag (eur)', 'amount (eur)', 'bedrag', 'amount'],
  currency: ['valuta', 'currency'],
  kind: ['mutatiesoort', 'transaction type'],
  notes: ['mededelingen', 'notifications'],
} as const;

export type IngColumn = keyof typeof ING_COLUMNS;

export const REQUIRED_ING_COLUMNS: Readonly<Record<'current' | 'savings', readonly IngColumn[]>> = {
  current: ['date', 'name', 'account', 'counterparty', 'code', 'direction', 'amount', 'notes'],
  savings: ['date', 'name', 'account', 'counterparty', 'direction', 'amount', 'currency', 'notes'],
};

/** `current` for the payment-account export (both separators), `savings` for the savings-account layout. */
export function ingLayoutOf(header: readonly string[]): 'current' | 'savings' | null {
  const names = new Set(header.map(normaliseHeader));
  const columns = indexColumns(header, ING_COLUMNS);
  const savings = names.has('rekening naam') || names.has('account name');
  const variant = savings ? 'savings' : 'current';
  return REQUIRED_ING_COLUMNS[variant].every((column) => columns[column] !== undefined) ? variant : null;
}
