import { describe, expect, it } from 'vitest';
import { createPurchaseInput, offerInputSchema } from './marketplace.schema';
import { canonicalOfferUrl, hasMarkup, offerUrlForDisplay, offerUrlProblem } from './offer-content.schema';

const offer = (fields: Record<string, string>) => ({ title: 'Korting', body: 'Tien procent korting op onderhoud.', endsOn: '2026-12-31', ...fields });
const issues = (fields: Record<string, string>) => (offerInputSchema.safeParse(offer(fields)).error?.issues ?? []).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

describe('offer links', () => {
  it('accepts an ordinary https link and stores it in canonical form', () => {
    expect(offerUrlProblem('https://www.fietsenmakerij-jansen.example/najaar')).toBeNull();
    expect(offerUrlProblem(' https://winkel.example:8443/actie?code=NAJAAR#boven ')).toBeNull();
    expect(canonicalOfferUrl('HTTPS://Winkel.Example/Actie')).toBe('https://winkel.example/Actie');
    expect(offerInputSchema.parse(offer({ url: 'https://spaak.example/actie' })).url).toBe('https://spaak.example/actie');
  });

  it('refuses http:, javascript: and links without a scheme', () => {
    expect(offerUrlProblem('http://winkel.example/actie')).toBe('marketplace.errors.offerUrlNotHttps');
    expect(offerUrlProblem('javascript:alert(1)')).toBe('marketplace.errors.offerUrlNotHttps');
    expect(offerUrlProblem('JavaScript://winkel.example/%0Aalert(1)')).toBe('marketplace.errors.offerUrlNotHttps');
    expect(offerUrlProblem('data:text/html,<script>alert(1)</script>')).toBe('marketplace.errors.offerUrlNotHttps');
    expect(offerUrlProblem('www.winkel.example')).toBe('marketplace.errors.offerUrlNotHttps');
    expect(offerUrlProblem('https:winkel.example')).toBe('marketplace.errors.offerUrlInvalid');
    expect(offerUrlProblem('winkel.example/actie')).toBe('marketplace.errors.offerUrlInvalid');
  });

  it('refuses a user name or password before the host (user:pass@)', () => {
    expect(offerUrlProblem('https://user:pass@winkel.example/')).toBe('marketplace.errors.offerUrlUserinfo');
    expect(offerUrlProblem('https://www.ing.nl@evil.example/login')).toBe('marketplace.errors.offerUrlUserinfo');
    expect(offerUrlProblem('https://@winkel.example/')).toBe('marketplace.errors.offerUrlUserinfo');
    // An @ in the path or query is not a user name.
    expect(offerUrlProblem('https://winkel.example/p/@fietsen?van=a@b')).toBeNull();
  });

  it('refuses backslashes, which browsers read as slashes (host confusion)', () => {
    expect(offerUrlProblem('https://evil.example\\@winkel.example/')).toBe('marketplace.errors.offerUrlBackslash');
    expect(offerUrlProblem('https://winkel.example\\.evil.example/')).toBe('marketplace.errors.offerUrlBackslash');
    expect(offerUrlProblem('https:\\\\winkel.example')).toBe('marketplace.errors.offerUrlBackslash');
  });

  it('refuses right-to-left overrides, bidi isolates and zero-width characters', () => {
    expect(offerUrlProblem('https://winkel.example/\u202Efdp.exe')).toBe('marketplace.errors.offerUrlHiddenCharacters');
    for (const hidden of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200C', '\u200D', '\u00AD', '\u200E']) {
      expect(offerUrlProblem(`https://win${hidden}kel.example/`), hidden.codePointAt(0)!.toString(16)).toBe('marketplace.errors.offerUrlHiddenCharacters');
    }
  });

  it('shows an international domain name as punycode (xn--), so a look-alike is visible', () => {
    // "paypal" with a Cyrillic а, and a real accented Dutch domain.
    expect(canonicalOfferUrl('https://pаypal.example/inloggen')).toBe('https://xn--pypal-4ve.example/inloggen');
    expect(offerInputSchema.parse(offer({ url: 'https://fíets.example/actie' })).url).toBe('https://xn--fets-vpa.example/actie');
    expect(offerUrlForDisplay('https://fíets.example/actie')).toBe('https://xn--fets-vpa.example/actie');
    // A link stored before these rules is shown with its hidden characters written out.
    expect(offerUrlForDisplay('https://winkel.example/\u202Efdp.exe')).toBe('https://winkel.example/%E2%80%AEfdp.exe');
    expect(offerUrlForDisplay('https://win\u202Ekel.example/')).toBe('https://win<U+202E>kel.example/');
    // Where the browser would really go.
    expect(offerUrlForDisplay('https://evil.example\\@winkel.example/')).toBe('https://evil.example/@winkel.example/');
  });

  it('refuses hosts members cannot be sent to', () => {
    for (const url of ['https://localhost/', 'https://winkel/', 'https://192.168.1.10/', 'https://[::1]/', 'https://-winkel.example/', 'https://winkel..example/', 'https://exa mple.com']) {
      expect(offerUrlProblem(url), url).toBe('marketplace.errors.offerUrlInvalid');
    }
    expect(offerUrlProblem(`https://winkel.example/${'a'.repeat(500)}`)).toBe('marketplace.errors.offerUrlInvalid');
  });

  it('puts the problem under the link in the form', () => {
    expect(issues({ url: 'https://user:pass@winkel.example/' })).toEqual([{ path: 'url', message: 'marketplace.errors.offerUrlUserinfo' }]);
    expect(issues({ url: 'http://winkel.example/' })).toEqual([{ path: 'url', message: 'marketplace.errors.offerUrlNotHttps' }]);
    // No link but a code is fine; neither is not.
    expect(issues({ url: '', code: 'NAJAAR15' })).toEqual([]);
    expect(issues({ url: '' })).toEqual([{ path: 'url', message: 'marketplace.errors.offerLinkOrCode' }]);
  });
});

describe('plain text only', () => {
  it('finds tags, closing tags, comments and fullwidth brackets', () => {
    for (const text of ['<script>alert(1)</script>', 'Klik <a href="https://x.example">hier</a>', 'Nu <b>gratis</b>', 'tekst</p>', '<!-- verborgen -->', '<img src=x onerror=alert(1)>', '＜script＞', '<\u200Bscript>', '<svg/onload=alert(1)>']) {
      expect(hasMarkup(text), text).toBe(true);
    }
  });

  it('leaves ordinary text with < or > alone', () => {
    for (const text of ['Voor minder dan <10 euro', 'a < b > c', 'Wij <3 fietsen', '20% korting -> alleen vandaag', 'Prijs: 5 > 3']) expect(hasMarkup(text), text).toBe(false);
  });

  it('refuses markup in the title, the body and the code, each under its own field', () => {
    expect(issues({ title: 'Nu <b>gratis</b>', body: '<script>alert(1)</script>', code: '<i>X</i>', url: 'https://winkel.example/' })).toEqual([
      { path: 'title', message: 'marketplace.errors.offerTitleMarkup' },
      { path: 'body', message: 'marketplace.errors.offerBodyMarkup' },
      { path: 'code', message: 'marketplace.errors.offerCodeMarkup' },
    ]);
  });

  it('refuses control and bidi characters in the title, the body and the code, each under its own field', () => {
    expect(issues({ title: 'Nu\u202E gratis', body: 'Tien\u0000 procent', code: 'A\u2066B', url: 'https://winkel.example/' })).toEqual([
      { path: 'title', message: 'marketplace.errors.offerTitleHiddenCharacters' },
      { path: 'body', message: 'marketplace.errors.offerBodyHiddenCharacters' },
      { path: 'code', message: 'marketplace.errors.offerCodeHiddenCharacters' },
    ]);
    // The body may run over several lines.
    expect(issues({ body: 'Tien procent korting.\r\nAlleen deze maand.', url: 'https://winkel.example/' })).toEqual([]);
  });

  it('applies inside a purchase request as well', () => {
    const result = createPurchaseInput.safeParse({
      product: 'offer_campaign',
      title: 'Najaarsactie',
      purposeStatement: 'Klanten uitnodigen voor een onderhoudsbeurt.',
      segment: {},
      offer: offer({ body: 'Klik <a href="javascript:alert(1)">hier</a>', url: 'https://winkel.example\\@evil.example/' }),
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['offer.body', 'marketplace.errors.offerBodyMarkup'],
      ['offer.url', 'marketplace.errors.offerUrlBackslash'],
    ]);
  });
});
