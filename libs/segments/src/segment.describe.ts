import {
  HOUSEHOLD_BANDS,
  HOUSEHOLD_BAND_LABELS,
  INTERESTS,
  PROVINCES,
  SEGMENTABLE_AGE_BANDS,
  SPEND_BAND_THRESHOLDS_CENTS,
  getCategory,
  isCategoryCode,
  type LocalisedText,
} from '@dd/categories';
import { SEGMENT_FIELDS, type SegmentNode, type SegmentPredicate, type SegmentSpendPredicate } from '@dd/contract';
import { canonicalise, isEmptySegment, isUnrestrictedSegment } from './segment.canonical';

export type SegmentLocale = 'nl' | 'en';

/** A tree with every `not` pushed down to a criterion (De Morgan), which is how people phrase it. */
type Phrase = { kind: 'criterion'; predicate: SegmentPredicate; negated: boolean } | { kind: 'all' | 'any'; items: Phrase[] };

function toPhrase(node: SegmentNode, negated: boolean): Phrase {
  if ('field' in node) return { kind: 'criterion', predicate: node, negated };
  if (node.op === 'not') return toPhrase(node.of, !negated);
  const kind = (node.op === 'all') !== negated ? 'all' : 'any';
  const items = node.of.map((child) => toPhrase(child, negated)).flatMap((item) => (item.kind === kind ? item.items : [item]));
  const rank = (item: Phrase) => (item.kind === 'criterion' ? SEGMENT_FIELDS.indexOf(item.predicate.field) * 2 + (item.negated ? 1 : 0) : 100);
  return { kind, items: items.map((item, index) => ({ item, index })).sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index).map(({ item }) => item) };
}

const WORDS = {
  nl: {
    people: 'Mensen',
    who: 'die',
    and: 'en',
    or: 'of',
    nobody: 'Niemand: deze criteria sluiten elkaar uit',
    everyone: 'Alle volwassen leden',
    locale: 'nl-NL',
  },
  en: {
    people: 'People',
    who: 'who',
    and: 'and',
    or: 'or',
    nobody: 'Nobody: these criteria exclude each other',
    everyone: 'All adult members',
    locale: 'en-GB',
  },
} as const;

function joinList(values: readonly string[], word: string): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${word} ${values.at(-1)}`;
}

/** Catalogue labels run on in a sentence, so they lose their capital ("Boodschappen" → "boodschappen"), but "DIY" stays. */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLocaleLowerCase() + label.slice(1) : label;
}

const labelOf = (labels: Partial<Record<string, LocalisedText>>, code: string, locale: SegmentLocale) => labels[code]?.[locale] ?? code;

/** Adjacent age bands read as one range: 25-34 and 35-44 become "25–44", 55-64 and 65+ "55 or over". */
function ageRanges(bands: readonly string[], locale: SegmentLocale): string[] {
  const ordered = SEGMENTABLE_AGE_BANDS.filter((band) => bands.includes(band));
  const unknown = bands.filter((band) => !(SEGMENTABLE_AGE_BANDS as readonly string[]).includes(band));
  const runs: { from: number; to: number | null }[] = [];
  for (const band of ordered) {
    const [from = 0, to] = band.replace('+', '').split('-').map(Number);
    const last = runs.at(-1);
    if (last && last.to !== null && last.to + 1 === from) last.to = to ?? null;
    else runs.push({ from, to: to ?? null });
  }
  return [
    ...runs.map(({ from, to }) => {
      if (to !== null) return locale === 'nl' ? `${from}–${to} jaar` : `${from}–${to}`;
      return locale === 'nl' ? `${from} jaar of ouder` : `${from} or over`;
    }),
    ...unknown,
  ];
}

function euros(cents: number, locale: SegmentLocale): string {
  return new Intl.NumberFormat(WORDS[locale].locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cents / 100);
}

/**
 * Band b starts at threshold b−2 and band 5 has no upper end. Band 1 starts just above zero, so a
 * range from band 1 reads "less than €25" in the sense people use it: something, but under €25.
 */
function spendAmount({ min, max }: SegmentSpendPredicate, locale: SegmentLocale): string | null {
  const lower = min > 1 ? SPEND_BAND_THRESHOLDS_CENTS[min - 2] : undefined;
  const upper = max < 5 ? SPEND_BAND_THRESHOLDS_CENTS[max - 1] : undefined;
  const nl = locale === 'nl';
  if (lower !== undefined && upper !== undefined) return nl ? `tussen ${euros(lower, locale)} en ${euros(upper, locale)}` : `between ${euros(lower, locale)} and ${euros(upper, locale)}`;
  if (lower !== undefined) return nl ? `meer dan ${euros(lower, locale)}` : `more than ${euros(lower, locale)}`;
  if (upper !== undefined) return nl ? `minder dan ${euros(upper, locale)}` : `less than ${euros(upper, locale)}`;
  return null;
}

/** Lists read in a natural order: households by size, names alphabetically in the reader's language. */
const alphabetical = (labels: string[], locale: SegmentLocale) => [...labels].sort((a, b) => a.localeCompare(b, WORDS[locale].locale));
function inCatalogueOrder(codes: readonly string[], order: readonly string[]): string[] {
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
  return [...codes].sort((a, b) => rank(a) - rank(b));
}

function valuesOf(predicate: Exclude<SegmentPredicate, SegmentSpendPredicate>, locale: SegmentLocale): string {
  const or = WORDS[locale].or;
  switch (predicate.field) {
    case 'ageBand':
      return joinList(ageRanges(predicate.in, locale), or);
    case 'province':
      return joinList(alphabetical(predicate.in.map((code) => labelOf(PROVINCES, code, locale)), locale), or);
    case 'municipality':
      return joinList(alphabetical(predicate.in, locale), or);
    case 'householdBand':
      return joinList(inCatalogueOrder(predicate.in, HOUSEHOLD_BANDS).map((code) => labelOf(HOUSEHOLD_BAND_LABELS, code, locale)), or);
    case 'interest':
      return joinList(alphabetical(predicate.in.map((code) => inSentence(labelOf(INTERESTS, code, locale))), locale), or);
  }
}

/** A criterion after "People …" (only positive, non-spend criteria read well there), or null. */
function modifier(predicate: SegmentPredicate, locale: SegmentLocale): string | null {
  if (predicate.field === 'spend' || predicate.field === 'interest') return null;
  const values = valuesOf(predicate, locale);
  const nl = locale === 'nl';
  switch (predicate.field) {
    case 'ageBand':
      return nl ? `van ${values}` : `aged ${values}`;
    case 'province':
      return `in ${values}`;
    case 'municipality':
      return nl ? `in de gemeente ${values}` : `in the municipality of ${values}`;
    case 'householdBand':
      return nl ? `in een huishouden van ${values}` : `in a household of ${values}`;
  }
}

/** A criterion after "who"/"die": English in the plural present, Dutch with the verb last. */
function clause(predicate: SegmentPredicate, negated: boolean, locale: SegmentLocale): string {
  const nl = locale === 'nl';
  if (predicate.field === 'spend') {
    const label = inSentence(isCategoryCode(predicate.category) ? getCategory(predicate.category).label[locale] : predicate.category);
    const amount = spendAmount(predicate, locale);
    if (amount === null) {
      if (nl) return `${negated ? 'geen ' : ''}geld aan ${label} uitgeven`;
      return `${negated ? 'do not ' : ''}spend money on ${label}`;
    }
    if (nl) return `maandelijks ${negated ? 'niet ' : ''}${amount} aan ${label} uitgeven`;
    return `${negated ? 'do not ' : ''}spend ${amount} a month on ${label}`;
  }
  const values = valuesOf(predicate, locale);
  const not = negated ? (nl ? 'niet ' : 'not ') : '';
  const doNot = negated ? 'do not ' : '';
  switch (predicate.field) {
    case 'ageBand':
      return nl ? `${not}${values} zijn` : `are ${not}aged ${values}`;
    case 'province':
      return nl ? `${not}in ${values} wonen` : `${doNot}live in ${values}`;
    case 'municipality':
      return nl ? `${not}in de gemeente ${values} wonen` : `${doNot}live in the municipality of ${values}`;
    case 'householdBand':
      return nl ? `${not}in een huishouden van ${values} wonen` : `${doNot}live in a household of ${values}`;
    case 'interest':
      return nl ? `${negated ? 'geen ' : ''}interesse hebben in ${values}` : `are ${not}interested in ${values}`;
  }
}

/** Clauses joined by and/or; a nested group with more than one item gets brackets, so the reading is never ambiguous. */
function clauses(phrase: Phrase, locale: SegmentLocale, nested: boolean): string {
  if (phrase.kind === 'criterion') return clause(phrase.predicate, phrase.negated, locale);
  const text = joinList(
    phrase.items.map((item) => clauses(item, locale, true)),
    WORDS[locale][phrase.kind === 'all' ? 'and' : 'or'],
  );
  return nested && phrase.items.length > 1 ? `(${text})` : text;
}

/**
 * A segment in plain language for advertisers and moderators, from its canonical form (so equivalent
 * criteria read the same), with the catalogue's labels: "People aged 25–34 in North Holland or
 * Utrecht who spend more than €100 a month on groceries".
 */
export function describeSegment(tree: SegmentNode, locale: SegmentLocale): string {
  const words = WORDS[locale];
  const canonical = canonicalise(tree);
  if (isEmptySegment(canonical)) return words.nobody;
  if (isUnrestrictedSegment(canonical)) return words.everyone;
  const phrase = toPhrase(canonical, false);
  const items = phrase.kind === 'all' ? phrase.items : [phrase];
  const modifiers: string[] = [];
  const rest: Phrase[] = [];
  for (const item of items) {
    const text = item.kind === 'criterion' && !item.negated ? modifier(item.predicate, locale) : null;
    if (text === null) rest.push(item);
    else modifiers.push(text);
  }
  const who = rest.length ? `${words.who} ${joinList(rest.map((item) => clauses(item, locale, rest.length > 1)), words.and)}` : '';
  return [words.people, ...modifiers, who].filter(Boolean).join(' ');
}
