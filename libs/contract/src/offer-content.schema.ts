import { z } from 'zod';

/**
 * What an offer may contain, checked the same way by the portal's form (inline field errors) and
 * the API: a link members can trust, and plain text. Messages are i18n keys of the portal
 * (namespace "purchases", under `errors`, as `marketplace.errors.*`).
 */

export type OfferUrlProblem =
  | 'marketplace.errors.offerUrlInvalid'
  | 'marketplace.errors.offerUrlNotHttps'
  | 'marketplace.errors.offerUrlUserinfo'
  | 'marketplace.errors.offerUrlBackslash'
  | 'marketplace.errors.offerUrlHiddenCharacters';

export const OFFER_URL_MAX = 500;

/**
 * Characters a reader cannot see or that reorder what they see: controls, format characters
 * (zero-width, bidi embeddings, overrides and isolates, the BOM) and the other default-ignorable
 * code points such as the soft hyphen. In a link they only serve to make it look like another one.
 */
export const INVISIBLE_CHARACTERS = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/u;

/**
 * Why a link cannot be an offer's link, or null when it can. Members follow it from their inbox,
 * so it must be https, name no user (`https://bank.nl@evil.example` goes to evil.example), hold no
 * backslash (browsers read `\` as `/`, so what the eye takes for the path can be the host), and no
 * hidden or direction-changing characters. Checked on the text as typed, before a URL parser has
 * quietly repaired any of it.
 */
export function offerUrlProblem(text: string): OfferUrlProblem | null {
  const url = text.trim();
  if (INVISIBLE_CHARACTERS.test(url)) return 'marketplace.errors.offerUrlHiddenCharacters';
  if (url.includes('\\')) return 'marketplace.errors.offerUrlBackslash';
  if (!/^https:\/\//i.test(url)) {
    const otherScheme = /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https:/i.test(url);
    return otherScheme || /^www\./i.test(url) ? 'marketplace.errors.offerUrlNotHttps' : 'marketplace.errors.offerUrlInvalid';
  }
  if (url.length > OFFER_URL_MAX || /\s/.test(url)) return 'marketplace.errors.offerUrlInvalid';
  // The authority is everything up to the first /, ? or #; an @ in it introduces a user name.
  const authority = url.slice('https://'.length).split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) return 'marketplace.errors.offerUrlUserinfo';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'marketplace.errors.offerUrlInvalid';
  }
  if (parsed.username || parsed.password) return 'marketplace.errors.offerUrlUserinfo';
  // A domain name with a dot and a top-level domain of letters: "https://winkel", "https://localhost"
  // or a bare IP address lead nowhere a member should be sent.
  const labels = parsed.hostname.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !/^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/.test(tld) || labels.some((label) => !/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(label))) {
    return 'marketplace.errors.offerUrlInvalid';
  }
  return null;
}

/**
 * The link as it is stored and shown: the parser's canonical form, in which an international domain
 * name appears as punycode (`https://xn--pypal-4ve.example/` for a "paypal" with a Cyrillic а), so
 * moderator and member see which domain it really is. Null when offerUrlProblem refuses it.
 */
export function canonicalOfferUrl(text: string): string | null {
  if (offerUrlProblem(text) !== null) return null;
  return new URL(text.trim()).href;
}

/**
 * A stored link made safe to show, whatever it holds (rows from before these rules): where a browser
 * would really go (the parser's form: punycode host, `\` read as `/`, hidden characters in the path
 * percent-encoded), or, when it does not parse, the text with every invisible character written out.
 */
export function offerUrlForDisplay(text: string): string {
  const url = text.trim();
  try {
    return new URL(url).href;
  } catch {
    return [...url].map((char) => (INVISIBLE_CHARACTERS.test(char) ? `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>` : char)).join('');
  }
}

/**
 * Whether the text holds markup: an HTML tag, closing tag, comment or processing instruction. An offer
 * is plain text; React shows markup as text, but an e-mail or PDF made from the same text later might
 * not. Checked after NFKC, so fullwidth brackets (＜script＞) count too; "<3" or "a < b" do not.
 */
export function hasMarkup(text: string): boolean {
  const visible = text.normalize('NFKC').replace(new RegExp(INVISIBLE_CHARACTERS.source, 'gu'), '');
  return /<(?:\/?[a-z]|![a-z-]|\?[a-z])/i.test(visible);
}

/** An offer's link: empty (a code only), or an https link that passes offerUrlProblem, stored in canonical form. */
export const offerUrlSchema = z.string().transform((text, ctx) => {
  if (text.trim() === '') return '';
  const problem = offerUrlProblem(text);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return canonicalOfferUrl(text)!;
});
