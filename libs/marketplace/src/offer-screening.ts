/**
 * A first look at an offer's text for the moderator: words that suggest a special category (an
 * offer about pregnancy tells every recipient what the advertiser thinks they are) or that ask for
 * personal data nobody should hand over through an offer, and links that are not https. A hit is a
 * reason to read carefully, not a verdict, so the lists lean towards catching too much.
 *
 * Terms are matched on word boundaries after lower-casing and removing accents; a trailing `*`
 * also matches longer words, for Dutch compounds (zwangerschapsyoga, vakbondslid). Short or
 * ambiguous stems (kerk) are whole words only, so "Kerkstraat" does not trigger.
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
  /** The words found, as written in the offer (lower case), each once, in order of topic. */
  words: string[];
  topics: ScreeningTopic[];
  /** Links that are not https. */
  insecureLinks: string[];
}

const normalise = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patternFor(term: string): RegExp {
  const prefix = term.endsWith('*');
  const body = escape(prefix ? term.slice(0, -1) : term).replace(/ /g, '[\\s-]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${prefix ? '[\\p{L}\\p{N}]*' : ''}(?![\\p{L}\\p{N}])`, 'gu');
}

const PATTERNS = (Object.keys(SCREENING_TERMS) as ScreeningTopic[]).map((topic) => ({ topic, patterns: SCREENING_TERMS[topic].map(patternFor) }));

const LINK = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"']+/gi;

export function screenOffer(offer: ScreenableOffer): ScreeningResult {
  const text = normalise([offer.title, offer.body, offer.code ?? '', offer.url ?? ''].join('\n'));
  const words = new Set<string>();
  const topics: ScreeningTopic[] = [];
  for (const { topic, patterns } of PATTERNS) {
    const found = patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0].replace(/\s+/g, ' ')));
    if (found.length) topics.push(topic);
    for (const word of found) words.add(word);
  }
  // Trailing punctuation belongs to the sentence, not the link.
  const links = [...[offer.title, offer.body, offer.code ?? ''].join('\n').matchAll(LINK)].map((match) => match[0].replace(/[.,;:!?)]+$/, ''));
  if (offer.url) links.push(offer.url);
  const insecureLinks = [...new Set(links.filter((link) => !/^https:\/\//i.test(link)))];
  return { passed: topics.length === 0 && insecureLinks.length === 0, words: [...words], topics, insecureLinks };
}
