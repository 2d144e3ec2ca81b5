/**
 * The offer text as the screening reads it. Word lists are only as good as the text they are
 * matched against: "zwa\u00ADnger" (a soft hyphen), "zwаnger" (a Cyrillic а), "ｚｗａｎｇｅｒ",
 * "zw4nger", "z.w.a.n.g.e.r" and "B S N" all read as the plain word to a member, so they must
 * read as the plain word to the screening too.
 */

/** Invisible or direction-changing characters: zero-width, soft hyphen, bidi controls, BOM, variation selectors. */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]|[^\P{Cc}\s]/gu;
const MARKS = /\p{M}/gu;

/**
 * Letters of other scripts that look like Latin ones (the confusables that matter for Dutch and
 * English words). Capitals are listed apart where their lower case looks different (Greek Η is H,
 * η is n).
 */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  А: 'a', В: 'b', Е: 'e', Ё: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', У: 'y', Х: 'x', І: 'i', Ї: 'i', Ј: 'j', Ѕ: 's', Ԛ: 'q', Ԝ: 'w', Ү: 'y', Һ: 'h', Ӏ: 'l',
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԛ: 'q', ԝ: 'w', ү: 'y', һ: 'h', ӏ: 'l', ԁ: 'd', ь: 'b', п: 'n', г: 'r',
  // Greek
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
  α: 'a', β: 'b', γ: 'y', ε: 'e', ζ: 'z', η: 'n', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w', ς: 's',
  // Armenian and Latin oddities
  օ: 'o', ս: 'u', հ: 'h', ո: 'n', ı: 'i', ɑ: 'a', ɡ: 'g', ɩ: 'i', ʟ: 'l', ᴅ: 'd', ꞵ: 'b',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');

/** Digits and signs used for letters, where they stand inside a word (zw4nger, b5n, w@chtwoord). */
const LEET: Record<string, string> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** A word with a letter and at least one digit or sign that may stand for a letter. */
const MIXED_WORD = /[\p{L}\p{N}@$]*[\p{L}][\p{L}\p{N}@$]*/gu;

/**
 * Single letters (or digits) separated by spaces, dots, hyphens and the like, at least two in a row:
 * "B S N", "z.w.a.n.g.e.r", "i-b-a-n". Not across lines, so a title's last letter does not join the body.
 */
const SPACED_LETTERS = /(?<![\p{L}\p{N}])[\p{L}\p{N}](?:(?:[^\S\n]*[._*·•|/+~-]+[^\S\n]*|[^\S\n]+)[\p{L}\p{N}](?![\p{L}\p{N}]))+/gu;

/** Dots, hyphens and underscores inside a word: "zwan.ger", "wacht-woord". */
const JOINERS_IN_WORD = /(?<=\p{L})[._·-]+(?=\p{L})/gu;

const foldLookAlikes = (text: string) => text.replace(LOOK_ALIKE, (char) => LOOK_ALIKES[char] ?? char);

function readable(text: string, invisible: '' | ' '): string {
  const folded = foldLookAlikes(
    text
      // NFKC first: fullwidth letters, ligatures, mathematical and circled letters become plain ones.
      .normalize('NFKC')
      .replace(INVISIBLE, invisible)
      .normalize('NFKD')
      .replace(MARKS, ''),
  );
  return foldLookAlikes(folded.toLowerCase()).replace(SPACED_LETTERS, (run) => run.replace(/[^\p{L}\p{N}]/gu, ''));
}

/**
 * The text as a member reads it: NFKC, invisible and bidi characters removed, accents dropped,
 * look-alike letters folded to Latin, lower case, and single letters spaced apart joined up.
 * Digits are left as they are (see screeningForms).
 */
export function normaliseForScreening(text: string): string {
  return readable(text, '');
}

/** Digits and signs inside a word read as letters; `one` is how a 1 reads (l in "1esbisch", i in "rel1gie"). */
function leet(text: string, one: 'i' | 'l'): string {
  return text.replace(MIXED_WORD, (word) => (/[\d@$]/.test(word) ? word.replace(/[\d@$]/g, (char) => (char === '1' ? one : (LEET[char] ?? char))) : word));
}

/**
 * Every reading of the text the word lists are matched against; a term found in any of them counts.
 * Besides the normalised text: the old reading (accents dropped, lower case: nothing the screening
 * used to find can slip through), invisible characters read as spaces ("bsn\u200Bwachtwoord" is two
 * words to the eye), digits read as letters both ways for 1, and words with dots or hyphens inside
 * joined up ("zwan-ger"). Each reading is kept apart because each also loses something: joining
 * turns "kerk-concert" into one word, and reading digits as letters would turn "info@fnv.nl" into
 * "infoafnv.nl".
 */
export function screeningForms(text: string): string[] {
  const plain = normaliseForScreening(text);
  const digitsI = leet(plain, 'i');
  const digitsL = leet(plain, 'l');
  const forms = [
    text.normalize('NFKD').replace(MARKS, '').toLowerCase(),
    plain,
    readable(text, ' '),
    digitsI,
    digitsL,
    ...[plain, digitsI, digitsL].map((form) => form.replace(JOINERS_IN_WORD, '')),
  ];
  return [...new Set(forms)];
}
