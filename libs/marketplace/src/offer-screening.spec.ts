import { describe, expect, it } from 'vitest';
import { screenOffer } from './offer-screening';

const offer = (title: string, body: string, url: string | null = 'https://fietsenwinkel.example/actie', code: string | null = null) => ({ title, body, url, code });

describe('offer screening', () => {
  it('passes an ordinary offer, in Dutch and in English', () => {
    expect(screenOffer(offer('20% korting op fietsen', 'Kom langs in onze winkel aan de Kerkstraat en pin gewoon aan de kassa. Neem een pindakoek mee.'))).toEqual({
      passed: true,
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
  });
});
