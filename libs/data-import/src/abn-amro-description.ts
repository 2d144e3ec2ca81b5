import { ibanOrNull } from './iban';
import { collapseWhitespace } from './text';

export interface AbnAmroDetails {
  counterpartyName: string;
  counterpartyIban: string | null;
  description: string;
  bankCode: string | null;
}

/**
 * ABN AMRO prints descriptions as a 32-character cell followed by 64-character cells and joins them with one
 * extra space, which splits words (`Netflix Monthly Su bscription`). When every boundary holds a space we take
 * them out; otherwise the text is not in that layout and is used as it is.
 */
export function rejoinFixedWidth(raw: string): string | null {
  if (raw.length <= 32) return raw;
  let joined = raw.slice(0, 32);
  for (let boundary = 32; boundary < raw.length; boundary += 65) {
    if (raw[boundary] !== ' ') return null;
    joined += raw.slice(boundary + 1, boundary + 65);
  }
  return joined;
}

const SLASH_KEYS = new Set(['TRTP', 'CSID', 'NAME', 'REMI', 'MARF', 'EREF', 'IBAN', 'BIC', 'ORDP', 'BENM', 'ID', 'ADDR', 'RTRN', 'ISDT', 'ULTC', 'ULTD', 'PURP', 'SWOC']);

/** `/TRTP/SEPA OVERBOEKING/IBAN/NL..../NAME/J Jansen/REMI/Huur maart/EREF/...`; values may contain `/`, keys may not. */
function parseSlashFields(raw: string): Map<string, string> {
  const fields = new Map<string, string>();
  let key: string | null = null;
  let value: string[] = [];
  const flush = (): void => {
    if (key !== null && !fields.has(key)) fields.set(key, value.join('/'));
  };
  const tokens = raw.trim().slice(1).split('/');
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    // A key is a known name standing where a key can stand: right after the previous value ended.
    if (SLASH_KEYS.has(token) && (key === null || value.length > 0)) {
      flush();
      key = token;
      value = [];
    } else {
      value.push(token);
    }
  }
  flush();
  return fields;
}

function fromSlashFormat(raw: string): AbnAmroDetails {
  const fields = parseSlashFields(raw);
  const remittance = collapseWhitespace(fields.get('REMI') ?? '').replace(/^(USTD\/\/|STRD\/CUR\/)/, '');
  return {
    counterpartyName: collapseWhitespace(fields.get('NAME') ?? ''),
    // IBANs never contain spaces here, so any space is padding that crept in.
    counterpartyIban: ibanOrNull(fields.get('IBAN')?.replace(/\s+/g, '')),
    description: collapseWhitespace(remittance.replace(/\/+$/, '')),
    bankCode: collapseWhitespace(fields.get('TRTP') ?? '') || null,
  };
}

const OLD_CARD = /^(BEA|GEA)\s+NR:\S+\s+\d{2}\.\d{2}\.\d{2}\/\d{2}[.:]\d{2}\s*(.*?),PAS\d+(.*)$/s;
// The payment method (`Betaalpas`, `Apple Pay`) is padded to its cell; without padding only known methods are recognised.
const NEW_CARD = /^(BEA|GEA),\s*(?:.*?\s{2,}|(?:Betaalpas|Apple Pay|Google Pay|Garmin Pay|Fitbit Pay)\s+)(.*?),PAS\d+(.*)$/s;
const CARD_TERMINAL = /^\s*NR:\S+?,?\s+\d{2}\.\d{2}\.\d{2}\/\d{2}[.:]\d{2}/;

/** Card payments (`BEA`) and cash withdrawals (`GEA`): the merchant is the text before `,PAS<card>`. */
function fromCardFormat(text: string): AbnAmroDetails | null {
  const old = OLD_CARD.exec(text);
  const match = old ?? NEW_CARD.exec(text);
  if (!match) return null;
  const rest = old ? match[3]! : match[3]!.replace(CARD_TERMINAL, '');
  return {
    counterpartyName: collapseWhitespace(match[2]!),
    counterpartyIban: null,
    description: collapseWhitespace(rest),
    bankCode: match[1]!,
  };
}

const LABEL = /(IBAN|BIC|Naam|Omschrijving|Kenmerk|Incassant|Machtiging|Voor): /g;

/**
 * `SEPA Overboeking  IBAN: NL..  BIC: ..  Naam: ..  Omschrijving: ..  Kenmerk: ..`. In the fixed-width layout a
 * label only ever starts a 32-character cell, which keeps `Naam: ACME B.V.Machtiging: 12` apart and ignores a
 * `Voor: ` inside a description; text that is not in that layout falls back to labels after a space.
 */
function fromLabelFormat(head: string, tail: string, aligned: boolean): AbnAmroDetails | null {
  const matches = [...tail.matchAll(LABEL)].filter((match) =>
    aligned ? match.index % 32 === 0 : match.index === 0 || /\s/.test(tail[match.index - 1]!),
  );
  if (matches.length === 0) return null;
  const fields = new Map<string, string>();
  matches.forEach((match, i) => {
    const value = tail.slice(match.index + match[0].length, matches[i + 1]?.index ?? tail.length);
    if (!fields.has(match[1]!)) fields.set(match[1]!, collapseWhitespace(value));
  });
  return {
    counterpartyName: fields.get('Naam') ?? '',
    counterpartyIban: ibanOrNull(fields.get('IBAN')),
    description: fields.get('Omschrijving') ?? '',
    bankCode: collapseWhitespace(`${head} ${tail.slice(0, matches[0]!.index)}`) || null,
  };
}

/**
 * Bank fees, interest and older formats: the first cell names the booking and the other cells explain it, each
 * cell a separate item (`BetaalGemak 4,05` `Debit card 1,70`). Unaligned text has no cells and stays one description.
 */
function fromFreeText(joined: string | null, raw: string): AbnAmroDetails {
  if (joined === null) return { counterpartyName: '', counterpartyIban: null, description: collapseWhitespace(raw), bankCode: null };
  const cells = joined.slice(32).match(/.{1,32}/gs) ?? [];
  return { counterpartyName: collapseWhitespace(joined.slice(0, 32)), counterpartyIban: null, description: collapseWhitespace(cells.join(' ')), bankCode: null };
}

export function parseAbnAmroDescription(raw: string): AbnAmroDetails {
  if (raw.trimStart().startsWith('/')) return fromSlashFormat(raw);
  const joined = rejoinFixedWidth(raw.trimEnd());
  const text = joined ?? raw;
  const card = fromCardFormat(text);
  if (card) return card;
  // Without the fixed-width layout there is no first cell: the whole text is searched for labels.
  const [head, tail] = joined === null ? ['', raw] : [joined.slice(0, 32), joined.slice(32)];
  return fromLabelFormat(head, tail, joined !== null) ?? fromFreeText(joined, raw);
}
