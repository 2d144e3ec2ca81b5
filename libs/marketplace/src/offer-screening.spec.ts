import { describe, expect, it } from 'vitest';
import { approvalBlockOf, SCREENING_TERMS, screenOffer, screenText } from './offer-screening';

const offer = (title: string, body: string, url: string | null = 'https://fietsenwinkel.example/actie', code: string | null = null) => ({ title, body, url, code });

describe('offer screening', () => {
  it('passes an ordinary offer, in Dutch and in English', () => {
    expect(screenOffer(offer('20% korting op fietsen', 'Kom langs in onze winkel aan de Kerkstraat en pin gewoon aan de kassa. Neem een pindakoek mee.'))).toEqual({
      passed: true,
      blocked: false,
      words: [],
      topics: [],
      insecureLinks: [],
    });
    expect(screenOffer(offer('Spring sale', 'Ten percent off every bike this week.', null, 'SPRING10')).passed).toBe(true);
  });

  it('finds special categories, also inside Dutch compounds and with accents or capitals', () => {
    const result = screenOffer(offer('Zwangerschapsyoga', 'Speciaal voor aanstaande moeders: vraag ook naar onze Apotheek-service. Voor leden van de vakbond.'));
    expect(result.passed).toBe(false);
    expect(result.topics).toEqual(['health', 'pregnancy', 'tradeUnion']);
    expect(result.words).toEqual(['apotheek', 'zwangerschapsyoga', 'vakbond']);

    const english = screenOffer(offer('For our LGBT customers', 'Pregnant? Join our church choir and vote for change at the election.'));
    expect(english.topics).toEqual(['pregnancy', 'religion', 'politics', 'sexuality']);
    expect(english.words).toEqual(expect.arrayContaining(['pregnant', 'church', 'election', 'lgbt']));
    expect(screenOffer(offer('Religieuze boeken', 'Alles voor het geloof.')).words).toEqual(['religieuze', 'geloof']);
  });

  it('finds requests for personal data: BSN, passwords, PIN codes, IBANs', () => {
    const result = screenOffer(offer('Win een reis', 'Stuur je BSN, je wachtwoord en je pincode naar ons, met je IBAN voor de uitbetaling.'));
    expect(result.topics).toEqual(['bsn', 'password', 'pincode', 'iban']);
    expect(result.words).toEqual(['bsn', 'wachtwoord', 'pincode', 'iban']);
    expect(screenOffer(offer('Verify', 'Enter your PIN and password to claim.')).topics).toEqual(['password', 'pincode']);
  });

  it('refuses links that are not https, in the text or as the link', () => {
    const result = screenOffer(offer('Actie', 'Meer op http://actie.example/nu en www.actie.example, of https://veilig.example.', 'http://actie.example/'));
    expect(result.passed).toBe(false);
    expect(result.topics).toEqual([]);
    expect(result.insecureLinks).toEqual(['http://actie.example/nu', 'www.actie.example', 'http://actie.example/']);
    // A link in the text only warns; the offer's own link blocks (it can only be wrong in rows from before the contract's rules).
    expect(screenOffer(offer('Actie', 'Meer op www.actie.example.')).blocked).toBe(false);
    expect(result.blocked).toBe(true);
  });

  it('refuses links that name a user, hold a backslash or hide characters, and blocks on the offer link', () => {
    const text = screenOffer(offer('Actie', 'Log in op https://ing.nl@evil.example/login en https://a.example\\@b.example/'));
    expect(text.insecureLinks).toEqual(['https://ing.nl@evil.example/login', 'https://a.example\\@b.example/']);
    expect(text.blocked).toBe(false);
    const link = screenOffer(offer('Actie', 'Tien procent korting.', 'https://winkel.example/\u202Efdp.exe'));
    expect(link).toMatchObject({ passed: false, blocked: true, topics: [] });
  });
});

/** The screening as it was: accents dropped and lower case, nothing else. Every variant below passed it. */
function oldScreening(text: string): boolean {
  const normalised = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return !Object.values(SCREENING_TERMS)
    .flat()
    .some((term) => {
      const prefix = term.endsWith('*');
      const body = (prefix ? term.slice(0, -1) : term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+');
      return new RegExp(`(?<![\\p{L}\\p{N}])${body}${prefix ? '[\\p{L}\\p{N}]*' : ''}(?![\\p{L}\\p{N}])`, 'u').test(normalised);
    });
}

describe('offer screening against evasion', () => {
  const evasions: [string, string, string[]][] = [
    ['soft hyphen', 'Zwa\u00ADnger? Stuur ons je B\u00ADSN.', ['pregnancy', 'bsn']],
    ['zero-width space', 'Zwan\u200Bger? Stuur ons je B\u200BS\u200BN.', ['pregnancy', 'bsn']],
    ['zero-width non-joiner', 'Zwan\u200Cger? Stuur ons je wacht\u200Cwoord.', ['pregnancy', 'password']],
    ['zero-width joiner', 'Zwan\u200Dger? Vul de pin\u200Dcode in.', ['pregnancy', 'pincode']],
    ['byte order mark', 'Zwan\uFEFFger? Stuur ons je I\uFEFFBAN.', ['pregnancy', 'iban']],
    ['left-to-right embedding', 'Zwan\u202Ager? Stuur ons je B\u202ASN.', ['pregnancy', 'bsn']],
    ['right-to-left embedding', 'Zwan\u202Bger? Stuur ons je B\u202BSN.', ['pregnancy', 'bsn']],
    ['pop directional formatting', 'Zwan\u202Cger? Stuur ons je B\u202CSN.', ['pregnancy', 'bsn']],
    ['left-to-right override', 'Zwan\u202Dger? Stuur ons je B\u202DSN.', ['pregnancy', 'bsn']],
    ['right-to-left override', 'Zwan\u202Eger? Stuur ons je B\u202ESN.', ['pregnancy', 'bsn']],
    ['left-to-right isolate', 'Zwan\u2066ger? Stuur ons je B\u2066SN.', ['pregnancy', 'bsn']],
    ['right-to-left isolate', 'Zwan\u2067ger? Stuur ons je B\u2067SN.', ['pregnancy', 'bsn']],
    ['first strong isolate', 'Zwan\u2068ger? Stuur ons je B\u2068SN.', ['pregnancy', 'bsn']],
    ['pop directional isolate', 'Zwan\u2069ger? Stuur ons je B\u2069SN.', ['pregnancy', 'bsn']],
    ['Cyrillic а', 'Zwаnger? Stuur ons je wаchtwoord.', ['pregnancy', 'password']],
    ['Cyrillic е', 'Prеgnant? Send us your pаssword.', ['pregnancy', 'password']],
    ['Cyrillic о', 'Stuur ons je wachtwооrd.', ['password']],
    ['Cyrillic р', 'Рregnant? Join our сhurch.', ['pregnancy', 'religion']],
    ['Cyrillic с', 'Voor сnv-leden en ziеkenhuispersoneel.', ['health', 'tradeUnion']],
    ['Greek capitals', 'Stuur ons je ΒSΝ en ΙΒΑΝ.', ['bsn', 'iban']],
    ['fullwidth letters with a zero-width space', 'ｚｗａｎ\u200Bｇｅｒ? Stuur ons je Ｂ\u200BＳＮ.', ['pregnancy', 'bsn']],
    ['spaced letters', 'Z W A N G E R? Stuur ons je B S N.', ['pregnancy', 'bsn']],
    ['dotted letters', 'z.w.a.n.g.e.r? Stuur ons je b.s.n.', ['pregnancy', 'bsn']],
    ['hyphenated letters', 'Z-w-a-n-g-e-r? Stuur ons je i-b-a-n.', ['pregnancy', 'iban']],
    ['digits for letters', 'Zw4ng3r? Stuur ons je b5n en w4chtw00rd.', ['pregnancy', 'bsn', 'password']],
    ['1 for l and i', 'Voor 1esbische vrouwen en voor de re1igie: rel1gieuze reizen.', ['religion', 'sexuality']],
    ['hyphen inside the word', 'Zwan-ger? Vul je wacht-woord in.', ['pregnancy', 'password']],
  ];

  it.each(evasions)('%s: passed the old screening, is caught and blocked now', (_name, body, topics) => {
    expect(oldScreening(`Actie\n${body}`)).toBe(true);
    const result = screenOffer(offer('Actie', body));
    expect(result.topics).toEqual(topics);
    expect(result.blocked).toBe(true);
    expect(approvalBlockOf(result)).toMatchObject({ code: 'offerNotApprovable', params: { topics: topics.join(', ') } });
  });

  it('still catches fullwidth and accented letters, as the old screening did', () => {
    expect(oldScreening('ｚｗａｎｇｅｒ ＢＳＮ')).toBe(false);
    expect(screenOffer(offer('ｚｗａｎｇｅｒ', 'Stuur ons je ＢＳＮ.'))).toMatchObject({ blocked: true, topics: ['pregnancy', 'bsn'] });
    expect(screenOffer(offer('Zwángerschap', 'Gézondheid')).topics).toEqual(['health', 'pregnancy']);
  });

  it('names the words as a member reads them', () => {
    expect(screenOffer(offer('Zwa\u00ADnger?', 'Stuur ons je B S N.')).words).toEqual(['zwanger', 'bsn']);
  });

  it('does not flag ordinary Dutch offers', () => {
    const ordinary = [
      ['20% korting op fietsen', 'Kom langs in onze winkel aan de Kerkstraat en pin gewoon aan de kassa.'],
      ['Najaarsactie', 'Laat je fiets nakijken bij Fietsenmakerij Jansen en betaal € 15 minder. Geldig t/m 31-12, op=op.'],
      ['Gratis koffie', 'Bij elk ontbijt een gratis kop koffie. Info: info@bakkerij.nl of bel 030-1234567.'],
      ['E-bike proefrit', 'Maak een proefrit op een e-bike; 5G-wifi in de winkel, 3D-printservice en A4-kopieën.'],
      ['Win 1 van de 10 fietsen', 'Kies model A, B of C. Pin of contant, bij de kerkdeur om de hoek? Nee: Kerkstraat 12.'],
      ['Spring sale', 'Ten percent off every bike this week, selection only. Code SPR1NG10.'],
    ];
    for (const [title, body] of ordinary) {
      const result = screenOffer(offer(title!, body!, 'https://fietsenwinkel.example/actie', 'NAJAAR15'));
      expect(result, `${title}: ${result.words.join(', ')}`).toMatchObject({ passed: true, blocked: false, topics: [] });
    }
    expect(approvalBlockOf(screenOffer(offer('20% korting', 'Pin aan de kassa.')))).toBeNull();
    expect(approvalBlockOf(null)).toBeNull();
  });

  it('screens one field at a time for the purchase form', () => {
    expect(screenText('Korting op onderhoud').topics).toEqual([]);
    expect(screenText('Stuur je b.s.n').topics).toEqual(['bsn']);
  });
});
