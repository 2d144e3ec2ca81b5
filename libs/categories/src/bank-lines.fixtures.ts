import type { TransactionToCategorise } from './categoriser';

// Test helpers: transactions shaped as the three banks export them. ING fills the counterparty and
// puts labelled details in Mededelingen; Rabobank has a separate name column and lower-case codes;
// ABN AMRO has everything in the description.

/** ING card payment: the shop is the counterparty, the description only terminal details. */
export const ingCard = (name: string): TransactionToCategorise => ({
  counterpartyName: name,
  description: 'Pasvolgnr: 003 30-12-2021 09:15 Transactie: 8L2X4T Term: X0H123 Apple Pay Valutadatum: 30-12-2021',
  bankCode: 'BA',
  amountCents: -2_345,
});

/** ING direct debit, iDEAL or transfer: what was paid for is in "Omschrijving". */
export const ingDebit = (name: string, omschrijving: string, code = 'IC'): TransactionToCategorise => ({
  counterpartyName: name,
  description: `Naam: ${name} Omschrijving: ${omschrijving} IBAN: NL12INGB0001234567 Kenmerk: 20240101-123 Valutadatum: 02-01-2024`,
  bankCode: code,
  amountCents: -4_500,
});

/** Rabobank card payment: name column filled, description blank. */
export const raboCard = (name: string): TransactionToCategorise => ({ counterpartyName: name, description: ' ', bankCode: 'bc', amountCents: -1_999 });

/** Rabobank iDEAL payment: the webshop's remittance text in the description column. */
export const raboIdeal = (name: string, remittance: string): TransactionToCategorise => ({
  counterpartyName: name,
  description: remittance,
  bankCode: 'id',
  amountCents: -3_295,
});

/** ABN AMRO card line, current format. */
export const abnCard = (merchant: string): TransactionToCategorise => ({
  counterpartyName: '',
  description: `BEA, Betaalpas                   ${merchant},PAS123           NR:0ABC0D, 13.02.23/14:37        AMSTERDAM`,
  amountCents: -3_450,
});

/** ABN AMRO card line, old format. */
export const abnOld = (merchant: string): TransactionToCategorise => ({
  counterpartyName: null,
  description: `BEA   NR:XXXX 30.12.21/09.15 ${merchant},PAS123               ZAANDAM`,
  amountCents: -1_250,
});

/** ABN AMRO SEPA line: the payee and the remittance both live inside the description. */
export const abnSepa = (name: string, remittance: string): TransactionToCategorise => ({
  counterpartyName: '',
  description: `/TRTP/iDEAL/IBAN/NL44RABO0123456789/BIC/RABONL2U/NAME/${name}/REMI/${remittance}/EREF/20240213123456`,
  amountCents: -2_750,
});
