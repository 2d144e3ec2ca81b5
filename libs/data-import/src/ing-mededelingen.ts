import { collapseWhitespace } from './text';

/**
 * ING puts a whole SEPA message into one `Mededelingen` line with inline labels:
 * `Naam: Vattenfall Omschrijving: Termijn 03 IBAN: NL.. Kenmerk: 123 Valutadatum: 28-02-2024`.
 * Labels are recognised only from this list, so a colon in free text does not start a field.
 */
const LABELS: Readonly<Record<string, IngLabel>> = {
  naam: 'name',
  name: 'name',
  omschrijving: 'description',
  description: 'description',
  iban: 'iban',
  bic: 'bic',
  kenmerk: 'reference',
  reference: 'reference',
  'machtiging id': 'mandate',
  'mandate id': 'mandate',
  'incassant id': 'creditorId',
  'creditor id': 'creditorId',
  valutadatum: 'valueDate',
  'value date': 'valueDate',
  'datum/tijd': 'dateTime',
  'date/time': 'dateTime',
  pasvolgnr: 'card',
  'card sequence no.': 'card',
  transactie: 'transaction',
  transaction: 'transaction',
  term: 'terminal',
};

export type IngLabel =
  | 'name' | 'description' | 'iban' | 'bic' | 'reference' | 'mandate' | 'creditorId'
  | 'valueDate' | 'dateTime' | 'card' | 'transaction' | 'terminal';

const LABEL_PATTERN = new RegExp(
  `(?:^|(?<=\\s))(${Object.keys(LABELS)
    .sort((a, b) => b.length - a.length)
    .map((label) => label.replace(/[./]/g, '\\$&'))
    .join('|')}):\\s*`,
  'gi',
);

export interface Mededelingen {
  /** Text before the first label (`1 jan t/m 31 jan 2024 ING BANK N.V.`). */
  prefix: string;
  fields: Partial<Record<IngLabel, string>>;
}

export function parseMededelingen(text: string): Mededelingen {
  const fields: Partial<Record<IngLabel, string>> = {};
  const matches = [...text.matchAll(LABEL_PATTERN)];
  const prefix = collapseWhitespace(text.slice(0, matches[0]?.index ?? text.length));
  matches.forEach((match, i) => {
    const label = LABELS[match[1]!.toLowerCase()]!;
    const end = matches[i + 1]?.index ?? text.length;
    const value = collapseWhitespace(text.slice(match.index + match[0].length, end));
    // The first occurrence wins: a later `Naam:` is usually part of the description text.
    if (fields[label] === undefined && value !== '') fields[label] = value;
  });
  return { prefix, fields };
}
