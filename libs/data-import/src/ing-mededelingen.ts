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
  // One pass of exec over the labels (no array of all matches): each value runs to the next label's start.
  LABEL_PATTERN.lastIndex = 0;
  let match = LABEL_PATTERN.exec(text);
  const prefix = collapseWhitespace(text.slice(0, match?.index ?? text.length));
  while (match) {
    const label = LABELS[match[1]!.toLowerCase()]!;
    const start = match.index + match[0].length;
    match = LABEL_PATTERN.exec(text);
    const value = collapseWhitespace(text.slice(start, match?.index ?? text.length));
    // The first occurrence wins: a later `Naam:` is usually part of the description text.
    if (fields[label] === undefined && value !== '') fields[label] = value;
  }
  return { prefix, fields };
}
