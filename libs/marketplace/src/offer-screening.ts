import { offerUrlProblem, type ApprovalBlock } from '@dd/contract';
import { screeningForms } from './offer-screening.normalise';

/**
 * The offer's text checked before a member reads it: words that suggest a special category (an
 * offer about pregnancy tells every recipient what the advertiser thinks they are) or that ask for
 * personal data nobody should hand over through an offer, and links that break the link rules.
 * A special category or a request for personal data blocks the offer: it cannot be requested
 * (purchase.rules) nor approved (moderation.service). A link in the text that is not https only
 * warns the moderator ("www.winkel.nl" is common and harmless); the offer's own link blocks when
 * it breaks the contract's rules, which can only happen to rows stored before those rules.
 *
 * Terms are matched on word boundaries in every reading of the text (screeningForms: normalised
 * against hidden characters, look-alike letters, digits for letters and spaced-out letters); a
 * trailing `*` also matches longer words, for Dutch compounds (zwangerschapsyoga, vakbondslid).
 * Short or ambiguous stems (kerk) are whole words only, so "Kerkstraat" does not trigger.
 */

export type ScreeningTopic =
  | 'health'
  | 'pregnancy'
  | 'religion'
  | 'politics'
  | 'tradeUnion'
  | 'sexuality'
  | 'bsn'
  | 'password'
  | 'pincode'
  | 'iban';

export const SCREENING_TERMS: Record<ScreeningTopic, readonly string[]> = {
  health: [
    'health', 'medical', 'medicine*', 'medication*', 'pharmac*', 'hospital*', 'doctor*', 'diagnos*', 'illness*', 'disease*', 'diabet*', 'cancer*',
    'depression', 'therapy', 'gezondheid*', 'medisch*', 'medicijn*', 'apotheek*', 'apotheke*', 'ziekenhuis*', 'huisarts*', 'dokter*',
    'diagnose*', 'ziekte*', 'kanker*', 'depressie*', 'therapie*', 'zorgverzeker*',
  ],
  pregnancy: ['pregnan*', 'expecting a baby', 'maternity', 'prenatal', 'zwanger*', 'in verwachting', 'kraamzorg*', 'prenata*'],
  religion: [
    'religion*', 'religious', 'church', 'churches', 'mosque*', 'synagogue*', 'christian*', 'muslim*', 'islam*', 'jewish', 'prayer*', 'faith',
    'religie*', 'religieu*', 'geloof', 'gelovig*', 'kerk', 'kerken', 'moskee*', 'synagoge*', 'christelijk*', 'christen', 'moslim*', 'joods*',
    'gebed*', 'bidden',
  ],
  politics: ['politic*', 'election*', 'voter*', 'party member*', 'politiek*', 'verkiezing*', 'kiezer*', 'partijlid*', 'stemwijzer'],
  tradeUnion: ['trade union*', 'labour union*', 'labor union*', 'union member*', 'vakbond*', 'fnv', 'cnv'],
  sexuality: [
    'sexual*', 'sexuality', 'gay', 'lesbian*', 'bisexual*', 'transgender*', 'lgbt*', 'seksualiteit', 'seksue*', 'homo', 'homoseksu*',
    'lesbisch*', 'biseksu*', 'lhbt*',
  ],
  bsn: ['bsn', 'burgerservicenummer*', 'sofinummer*', 'social security number*', 'citizen service number*'],
  password: ['password*', 'passcode*', 'wachtwoord*', 'inlogcode*', 'inloggegevens', 'login details'],
  // Not 'pin' alone: in Dutch "pin aan de kassa" means paying by card.
  pincode: ['pincode*', 'pin code*', 'pin-code*', 'pinnummer*', 'pin number*', 'your pin', 'je pin', 'jouw pin', 'uw pin'],
  iban: ['iban', 'rekeningnummer*', 'bankrekeningnummer*', 'bank account number*', 'account number*'],
};

/** Special categories never travel with an offer; the other topics are requests for personal data. */
export const SPECIAL_TOPICS: readonly ScreeningTopic[] = ['health', 'pregnancy', 'religion', 'politics', 'tradeUnion', 'sexuality'];

export interface ScreenableOffer {
  title: string;
  body: string;
  url: string | null;
  code: string | null;
}

export interface ScreeningResult {
  passed: boolean;
  /** Nothing may change that: a special category, a request for personal data, or a refused offer link. */
  blocked: boolean;
  /** The words found, normalised (lower case, as a member reads them), each once, in order of topic. */
  words: string[];
  topics: ScreeningTopic[];
  /** Links that are not https or break the link rules (user name, backslash, hidden characters). */
  insecureLinks: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patternFor(term: string): RegExp {
  const prefix = term.endsWith('*');
  const body = escape(prefix ? term.slice(0, -1) : term).replace(/ /g, '[\\s-]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${prefix ? '[\\p{L}\\p{N}]*' : ''}(?![\\p{L}\\p{N}])`, 'gu');
}

const PATTERNS = (Object.keys(SCREENING_TERMS) as ScreeningTopic[]).map((topic) => ({ topic, patterns: SCREENING_TERMS[topic].map(patternFor) }));

const LINK = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"']+/gi;
// Links are looked for in the text as shown, minus what cannot be seen ("http\u200B://" is a link too).
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** The topics and words of one text, in every reading of it. */
export function screenText(text: string): { topics: ScreeningTopic[]; words: string[] } {
  const forms = screeningForms(text);
  const words = new Set<string>();
  const topics: ScreeningTopic[] = [];
  for (const { topic, patterns } of PATTERNS) {
    // Per term, the words of the first reading that has any: the later readings only find what the
    // earlier ones missed ("apotheek-service" is "apotheek", not also "apotheekservice").
    const found = patterns.flatMap((pattern) => {
      for (const form of forms) {
        const matches = [...form.matchAll(pattern)].map((match) => match[0].replace(/\s+/g, ' '));
        if (matches.length) return matches;
      }
      return [];
    });
    if (found.length) topics.push(topic);
    for (const word of found) words.add(word);
  }
  return { topics, words: [...words] };
}

export function screenOffer(offer: ScreenableOffer): ScreeningResult {
  const { topics, words } = screenText([offer.title, offer.body, offer.code ?? '', offer.url ?? ''].join('\n'));
  const shown = [offer.title, offer.body, offer.code ?? ''].join('\n').normalize('NFKC').replace(INVISIBLE, '');
  // Trailing punctuation belongs to the sentence, not the link.
  const links = [...shown.matchAll(LINK)].map((match) => match[0].replace(/[.,;:!?)]+$/, ''));
  const urlRefused = offer.url !== null && offer.url !== '' && offerUrlProblem(offer.url) !== null;
  if (offer.url) links.push(offer.url);
  const insecureLinks = [...new Set(links.filter((link) => offerUrlProblem(link) !== null))];
  return { passed: topics.length === 0 && insecureLinks.length === 0, blocked: topics.length > 0 || urlRefused, words, topics, insecureLinks };
}

/** Why an offer cannot be approved (the reason code the API and the moderation queue share), or null. */
export function approvalBlockOf(screening: ScreeningResult | null): ApprovalBlock | null {
  if (!screening?.blocked) return null;
  return { code: 'offerNotApprovable', params: { words: screening.words.join(', '), topics: screening.topics.join(', '), links: screening.insecureLinks.join(' ') } };
}
