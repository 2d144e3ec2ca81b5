import { normaliseHeader } from './csv.header';

/**
 * The 26 columns of Rabobank's CSV export, in order. Only the ones we read are named by key; the header text of
 * column 12 (`Naam initiërende partij`) is often mis-decoded, so it is never used to recognise the file.
 */
export const RABOBANK_COLUMN_COUNT = 26;

export const RABOBANK_COLUMNS = {
  account: 0,
  currency: 1,
  sequence: 3,
  date: 4,
  amount: 6,
  counterpartyIban: 8,
  counterpartyName: 9,
  ultimateName: 10,
  initiatingName: 11,
  code: 13,
  endToEndId: 15,
  paymentReference: 18,
  description1: 19,
  description2: 20,
  description3: 21,
} as const;

export type RabobankColumn = keyof typeof RABOBANK_COLUMNS;

export function isRabobankHeader(header: readonly string[]): boolean {
  const names = header.map(normaliseHeader);
  return (
    names.length === RABOBANK_COLUMN_COUNT &&
    names[0] === 'iban/bban' &&
    names[1] === 'munt' &&
    names[3] === 'volgnr' &&
    names[4] === 'datum' &&
    names[6] === 'bedrag'
  );
}
