import type { Month } from './calendar';
import { MONTH_NAMES_NL, dutchDate, hhmm, valueDate } from './calendar';
import type { Prng } from './prng';

/**
 * The remittance text ("Mededelingen") of an ING export, field by field, as in real statements:
 * card payments carry the card sequence number, time and terminal; transfers and direct debits
 * carry labelled Naam/Omschrijving/IBAN/Kenmerk fields and the collector's mandate details.
 */

const ALNUM = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

const codes: number[] = [];

/** Built from char codes in one go: these run several times per booking, millions of times per seed. */
export function randomCode(rng: Prng, length: number, alphabet = ALNUM): string {
  codes.length = length;
  for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(rng.uint32() % alphabet.length);
  return String.fromCharCode(...codes);
}

export function randomDigits(rng: Prng, length: number): string {
  let out = '';
  for (let left = length; left > 0; left -= 9) {
    const n = Math.min(9, left);
    out += String(rng.uint32() % 10 ** n).padStart(n, '0');
  }
  return out;
}

export interface CardDetails {
  /** 'modern': the ING layout since 2021; 'classic': the older one-line form. */
  style: 'modern' | 'classic';
  cardSequence: string;
  wallet: '' | 'Apple Pay' | 'Google Pay';
}

export function cardText(rng: Prng, card: CardDetails, m: Month, day: number, hour: number): string {
  const time = hhmm(hour, rng.int(0, 59));
  if (card.style === 'classic') return `Betaalautomaat ${time} pasnr. ${card.cardSequence}`;
  const wallet = card.wallet ? ` ${card.wallet}` : '';
  return `Pasvolgnr: ${card.cardSequence} ${dutchDate(m, day)} ${time} Transactie: ${randomCode(rng, 6)} Term: ${randomCode(rng, 2)}${randomDigits(rng, 6)}${wallet} Valutadatum: ${valueDate(m, day)}`;
}

export function atmText(rng: Prng, card: CardDetails, m: Month, day: number, hour: number): string {
  const time = hhmm(hour, rng.int(0, 59));
  if (card.style === 'classic') return `Geldautomaat ${time} pasnr. ${card.cardSequence}`;
  return `Pasvolgnr: ${card.cardSequence} ${dutchDate(m, day)} ${time} Transactie: ${randomCode(rng, 6)} Term: GM${randomDigits(rng, 5)} Valutadatum: ${valueDate(m, day)}`;
}

export interface TransferFields {
  name: string;
  text: string;
  iban: string;
  kenmerk?: string;
  mandate?: { id: string; creditorId: string };
}

export function transferText(fields: TransferFields, m: Month, day: number): string {
  const kenmerk = fields.kenmerk ? ` Kenmerk: ${fields.kenmerk}` : '';
  const mandate = fields.mandate ? ` Machtiging ID: ${fields.mandate.id} Incassant ID: ${fields.mandate.creditorId} Doorlopende incasso` : '';
  return `Naam: ${fields.name} Omschrijving: ${fields.text} IBAN: ${fields.iban}${kenmerk}${mandate} Valutadatum: ${valueDate(m, day)}`;
}

/** iDEAL payments: the acquirer's reference, then date and time of the payment in the Kenmerk. */
export function idealKenmerk(rng: Prng, m: Month, day: number, hour: number): string {
  return `${dutchDate(m, day)} ${hhmm(hour, rng.int(0, 59))} ${randomDigits(rng, 16)}`;
}

/** Fills {maand} {jaar} {mm} {order} {member} {Town} {TOWN} in a remittance or name template. */
export function fillTemplate(template: string, values: { m: Month; rng: Prng; member?: string; town?: string; municipality?: string }): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(maand|jaar|mm|order|member|Town|TOWN)\}/g, (_, token: string) => {
    switch (token) {
      case 'maand':
        return MONTH_NAMES_NL[values.m.month - 1] ?? '';
      case 'jaar':
        return String(values.m.year);
      case 'mm':
        return String(values.m.month);
      case 'order':
        return randomDigits(values.rng, 10);
      case 'member':
        return values.member ?? '';
      case 'Town':
        return values.municipality ?? '';
      default:
        return values.town ?? '';
    }
  });
}
