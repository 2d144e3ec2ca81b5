/**
 * Turns the messy text of Dutch bank exports into the normalised forms rules are written against.
 * Pure string functions: no state, no locale dependence.
 */

/** Longer inputs are cut: descriptions are at most a few hundred characters, and a cap keeps any pattern fast. */
export const MAX_FIELD_LENGTH = 512;

const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’‘`´]/g;
const PUNCTUATION = /[^a-z0-9&+]+/g;

/** Lower case, diacritics removed, apostrophes dropped ("McDonald's" → "mcdonalds"), other punctuation → one space; `&` and `+` kept. */
export function normaliseText(value: string | null | undefined): string {
  if (!value) return '';
  let text = value.length > MAX_FIELD_LENGTH ? value.slice(0, MAX_FIELD_LENGTH) : value;
  // Decomposing is the slow step and most bank text is plain ASCII, so only do it when needed.
  if (NON_ASCII.test(text)) text = text.normalize('NFKD').replace(COMBINING_MARKS, '');
  return text.toLowerCase().replace(APOSTROPHES, '').replace(PUNCTUATION, ' ').trim();
}

export function normaliseIban(value: string | null | undefined): string {
  return value ? value.slice(0, 64).toUpperCase().replace(/[^A-Z0-9]/g, '') : '';
}

export function normaliseBankCode(value: string | null | undefined): string {
  return value ? value.slice(0, 16).trim().toLowerCase() : '';
}

// Trailing tokens that say where or what kind of company, not who: removed from merchant names so
// "ALBERT HEIJN 1403 AMSTERDAM" and "Zalando SE" read as the brand alone.
const PLACES = [
  'amsterdam', 'amsterdam cs', 'amsterdam zuidoost', 'rotterdam', 'den haag', 's gravenhage', 'utrecht', 'utrecht cs', 'eindhoven',
  'groningen', 'tilburg', 'almere', 'breda', 'nijmegen', 'apeldoorn', 'arnhem', 'haarlem', 'hoofddorp', 'amersfoort', 'enschede',
  'zaandam', 'den bosch', 's hertogenbosch', 'zwolle', 'leiden', 'zoetermeer', 'leeuwarden', 'ede', 'maastricht', 'dordrecht',
  'alphen aan den rijn', 'alkmaar', 'emmen', 'delft', 'venlo', 'deventer', 'sittard', 'geleen', 'helmond', 'oss', 'hilversum',
  'amstelveen', 'heerlen', 'nieuwegein', 'roosendaal', 'purmerend', 'schiedam', 'spijkenisse', 'lelystad', 'vlaardingen', 'almelo',
  'hengelo', 'gouda', 'hoorn', 'veenendaal', 'assen', 'zeist', 'katwijk', 'capelle aan den ijssel', 'bergen op zoom', 'den helder',
  'middelburg', 'vlissingen', 'goes', 'terneuzen', 'roermond', 'weert', 'kerkrade', 'venray', 'doetinchem', 'harderwijk', 'kampen',
  'wageningen', 'tiel', 'culemborg', 'zutphen', 'barneveld', 'nijkerk', 'soest', 'woerden', 'houten', 'ijsselstein', 'maarssen',
  'bussum', 'naarden', 'huizen', 'weesp', 'diemen', 'uithoorn', 'aalsmeer', 'beverwijk', 'heemskerk', 'ijmuiden', 'castricum',
  'heerhugowaard', 'schagen', 'enkhuizen', 'volendam', 'edam', 'zandvoort', 'heemstede', 'lisse', 'noordwijk', 'wassenaar', 'rijswijk',
  'voorburg', 'leidschendam', 'pijnacker', 'nootdorp', 'naaldwijk', 'maassluis', 'ridderkerk', 'barendrecht', 'papendrecht',
  'zwijndrecht', 'sliedrecht', 'gorinchem', 'hellevoetsluis', 'brielle', 'etten leur', 'oosterhout', 'waalwijk', 'dongen', 'uden',
  'veghel', 'boxtel', 'vught', 'valkenswaard', 'veldhoven', 'geldrop', 'drachten', 'heerenveen', 'sneek', 'harlingen', 'dokkum',
  'hoogeveen', 'meppel', 'coevorden', 'stadskanaal', 'veendam', 'winschoten', 'hoogezand', 'delfzijl', 'steenwijk', 'hardenberg',
  'raalte', 'rijssen', 'oldenzaal', 'nijverdal', 'emmeloord', 'dronten', 'zeewolde', 'schiphol', 'schiphol rijk', 'luchth schiph',
];
const SUFFIXES = new Set([
  ...PLACES,
  'nl', 'nld', 'nederland', 'netherlands', 'the netherlands', 'benelux',
  'bv', 'b v', 'nv', 'n v', 'vof', 'v o f', 'cv', 'gmbh', 'ltd', 'limited', 'inc', 'sa', 's a', 'sarl', 's a r l', 'ag', 'se', 'plc',
  'llc', 'ua', 'u a', 'holding',
]);
const MAX_SUFFIX_TOKENS = 4;

/** Card-terminal processors put themselves in front of the shop name: "SumUp *Bakkerij", "CCV*Café". */
const PROCESSOR_PREFIX = /^\s*(?:sumup|zettle|izettle|sq|ccv|paypal|mollie|stripe|payu|mypos|tst|sp)\s*[_*]+\s*/i;
/** "Thuisbezorgd.nl via Adyen": the part after "via" is the payment provider. */
const VIA_SUFFIX = /\s+via\s+.*$/i;

/** A merchant name as rules see it: normalised, without store numbers, trailing places or legal forms. */
export function normaliseMerchant(value: string | null | undefined): string {
  if (!value) return '';
  const tokens = normaliseText(value.slice(0, MAX_FIELD_LENGTH).replace(PROCESSOR_PREFIX, '').replace(VIA_SUFFIX, ''))
    .split(' ')
    .filter((token) => token !== '' && !/^\d+$/.test(token) && !/^pas\d+$/.test(token));
  let trimmed = true;
  while (trimmed && tokens.length > 1) {
    trimmed = false;
    for (let size = Math.min(MAX_SUFFIX_TOKENS, tokens.length - 1); size >= 1; size--) {
      if (SUFFIXES.has(tokens.slice(-size).join(' '))) {
        tokens.length -= size;
        trimmed = true;
        break;
      }
    }
  }
  return tokens.join(' ');
}

// ABN AMRO card lines, old and new: "BEA   NR:XXXX 30.12.21/09.15 ALBERT HEIJN 1234,PAS123" and
// "BEA, Betaalpas   IKEA Amsterdam,PAS123   NR:0ABC0D, 13.02.23/14:37   AMSTERDAM". GEA is the ATM twin.
const CARD_PREFIX =
  String.raw`^\s*(?:BEA|GEA|ECOM)\b[\s,]*(?:(?:BETAALPAS|APPLE PAY|GOOGLE PAY|GARMIN PAY|FITBIT PAY|SAMSUNG PAY|CONTACTLOOS)\b)?\s*(?:NR:\s*\S+\s+\d{2}\.\d{2}\.\d{2}\/\d{2}[.:]\d{2}\s+)?`;
// The card number suffix (",PAS123") ends the merchant name; without it, a run of padding does.
const CARD_LINE = new RegExp(`${CARD_PREFIX}(.+?),\\s*PAS\\s*\\d+`, 'i');
const CARD_LINE_WITHOUT_PAS = new RegExp(`${CARD_PREFIX}(.+?)(?:\\s{2,}|$)`, 'i');
// Structured SEPA descriptions (ABN AMRO, CAMT remittance): "/TRTP/SEPA OVERBOEKING/IBAN/…/NAME/Acme BV/REMI/…".
const SEPA_NAME = /\/NAME\/([^/]+)/i;
// Labelled descriptions (ING Mededelingen, ABN AMRO SEPA lines): "Naam: NETFLIX INTERNATIONAL B.V.Machtiging: …".
const LABELLED_NAME = /\bNaam:\s*(.+?)(?=\s{2,}|\s*\b(?:Omschrijving|IBAN|BIC|Kenmerk|Machtiging|Incassant|Voor|Valutadatum|Referentie|Mandaat)\s*:|$)/i;

/** The merchant or payee named inside a description, when the bank put it there. */
export function merchantFromDescription(description: string | null | undefined): string | null {
  if (!description) return null;
  const text = description.slice(0, MAX_FIELD_LENGTH);
  const found = CARD_LINE.exec(text)?.[1] ?? CARD_LINE_WITHOUT_PAS.exec(text)?.[1] ?? SEPA_NAME.exec(text)?.[1] ?? LABELLED_NAME.exec(text)?.[1];
  const trimmed = found?.trim();
  return trimmed ? trimmed : null;
}

// Counterparties that only carry the money: the shop is named in the description instead.
const INTERMEDIARY =
  /\b(mollie|adyen|buckaroo|stripe|pay nl|paynl|multisafepay|worldline|sumup|zettle|paypal|klarna|afterpay|riverty|ingenico|icepay|ogone|payvision|cm payments|global ?collect|derdengelden|tikkie|payu)\b/;

export interface TransactionText {
  /** Merchant-name candidates: the counterparty, the merchant inside the description, and more. */
  counterparty: readonly string[];
  description: string;
  text: string;
  bankCode: string;
  counterpartyIban: string;
}

export interface TransactionTextInput {
  counterpartyName?: string | null;
  description?: string | null;
  bankCode?: string | null;
  counterpartyIban?: string | null;
}

/** The normalisers transactionText applies to the fields that repeat from row to row (name, IBAN); a caller may pass memoised ones. */
export interface NameNormalisers {
  merchant(value: string | null): string;
  text(value: string): string;
  iban(value: string): string;
}

const PLAIN_NORMALISERS: NameNormalisers = { merchant: normaliseMerchant, text: normaliseText, iban: normaliseIban };

function addCandidate(candidates: string[], candidate: string): void {
  if (candidate !== '' && !candidates.includes(candidate)) candidates.push(candidate);
}

/** Every view of a transaction that a rule field can point at. */
export function transactionText(input: TransactionTextInput, names: NameNormalisers = PLAIN_NORMALISERS): TransactionText {
  const counterpartyName = typeof input.counterpartyName === 'string' ? input.counterpartyName : '';
  const rawDescription = typeof input.description === 'string' ? input.description : '';
  const description = normaliseText(rawDescription);
  const candidates: string[] = [];
  const counterparty = names.merchant(counterpartyName);
  addCandidate(candidates, counterparty);
  addCandidate(candidates, names.merchant(merchantFromDescription(rawDescription)));
  if (description !== '' && (candidates.length === 0 || INTERMEDIARY.test(counterparty))) addCandidate(candidates, description);
  const plainCounterparty = names.text(counterpartyName);
  return {
    counterparty: candidates,
    description,
    text: plainCounterparty && description ? `${plainCounterparty} | ${description}` : plainCounterparty || description,
    bankCode: normaliseBankCode(typeof input.bankCode === 'string' ? input.bankCode : ''),
    counterpartyIban: names.iban(typeof input.counterpartyIban === 'string' ? input.counterpartyIban : ''),
  };
}
