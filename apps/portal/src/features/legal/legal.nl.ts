/**
 * The legal pages in Dutch. Plain language, and only what the product does as built: the numbers
 * come from docs/PRIVACY.md (k, ε, cell threshold) and the README (export kept 7 days, 70% share,
 * payout limits). Change them together with those settings.
 */
export interface LegalSection {
  heading: string;
  paragraphs: string[];
  items: string[];
}

export interface LegalDocument {
  title: string;
  intro: string;
  sections: LegalSection[];
}

export const legalNl = {
  nav: {
    label: 'Juridische informatie',
    terms: 'Gebruiksvoorwaarden',
    privacy: 'Privacyverklaring',
    data: 'Hoe we je gegevens gebruiken',
  },
  updated: 'Laatst bijgewerkt: 1 december 2026',
  exampleDetails: 'Dit zijn voorbeeldgegevens van een ontwikkelomgeving; een echte installatie toont hier de gegevens van de aanbieder.',
  related: 'Lees ook',
  signUpNotice: 'Door een account aan te maken ga je akkoord met de',
  signUpPrivacyBefore: 'In de',
  signUpPrivacyAfter: 'lees je hoe we met je gegevens omgaan.',
  terms: {
    title: 'Gebruiksvoorwaarden',
    intro:
      'Deze voorwaarden gelden voor iedereen die DataDividend gebruikt: leden die hun gegevens delen en adverteerders die inzichten en campagnes kopen. We houden ze kort en begrijpelijk.',
    sections: [
      {
        heading: 'Wie wij zijn',
        paragraphs: ['DataDividend wordt aangeboden door {{name}}, {{address}} (KvK {{kvk}}). Vragen over deze voorwaarden stuur je naar {{supportEmail}}.'],
        items: [],
      },
      {
        heading: 'Wat DataDividend doet',
        paragraphs: [
          'Je zet zelf je bankafschriften in DataDividend en bepaalt per soort gegevens en per doel wat er gebruikt mag worden, en hoe lang. Adverteerders kopen anonieme, samengevoegde inzichten over groepen mensen of sturen een aanbieding naar een groep. Als jij in zo’n groep zat en daarvoor toestemming gaf, krijg je het grootste deel van de opbrengst.',
          'Een adverteerder krijgt nooit te zien wie je bent: geen naam, geen e-mailadres, geen transacties en geen lijst met leden.',
        ],
        items: [],
      },
      {
        heading: 'Je account',
        paragraphs: ['Je maakt een account met je e-mailadres en een wachtwoord. Houd je wachtwoord geheim; alles wat met je account gebeurt, geldt als door jou gedaan. Je mag maar één account als lid hebben.'],
        items: [
          'Alleen meerderjarigen met een ingevuld geboortejaar worden in verkochte groepen meegeteld.',
          'Upload alleen afschriften van rekeningen die van jou zijn.',
          'Je kunt je account op elk moment zelf verwijderen onder Privacy & export.',
        ],
      },
      {
        heading: 'Je gegevens blijven van jou',
        paragraphs: [
          'Alles staat standaard uit. Je geeft toestemming per categorie en per doel (anonieme statistieken, aanbiedingen in je inbox), eventueel met een einddatum, en je kunt die toestemming altijd weer intrekken. Intrekken geldt voor nieuwe verkopen; een verkoop die al gedaan is, kan niet worden teruggedraaid.',
        ],
        items: [],
      },
      {
        heading: 'Verdiensten en uitbetaling',
        paragraphs: ['Van elke verkoop gaat 70% naar de leden die erin zaten, verdeeld over die leden; de rest is onze vergoeding. Onder Verdiensten zie je per verkoop wat je kreeg.'],
        items: [
          'Nieuwe verdiensten staan eerst 7 dagen vast voordat je ze kunt laten uitbetalen.',
          'Je kunt uitbetaling aanvragen vanaf € 10; je eerste uitbetaling kan als je account minstens 30 dagen bestaat.',
          'Per kalendermaand betalen we hoogstens € 250 aan je uit.',
          'We betalen uit naar een IBAN op jouw naam. Een beheerder controleert aanvragen; bij twijfel (bijvoorbeeld een IBAN die bij meer accounts hoort) kan een aanvraag worden afgewezen, met een reden.',
        ],
      },
      {
        heading: 'Voor adverteerders',
        paragraphs: ['Een organisatie registreert zich met KvK- en btw-nummer en kan pas kopen nadat een beheerder haar heeft geverifieerd. Betalen gaat vooraf via een saldo; de maximale kosten worden gereserveerd en je krijgt een factuur met 21% btw.'],
        items: [
          'Je beschrijft bij elke aankoop het doel in je eigen woorden; een beheerder keurt elke aanvraag goed of af.',
          'Je probeert nooit om een persoon te herkennen, groepen met elkaar te vergelijken om één persoon te vinden, of gegevens te combineren met andere bronnen om dat te doen.',
          'Aanbiedingen moeten kloppen, mogen niet misleiden en linken alleen naar een https-adres.',
          'Privacybudgetten per kalendermaand beperken hoeveel je kunt vragen en kopen; is het budget op, dan wacht je tot de volgende maand.',
        ],
      },
      {
        heading: 'Wat niet mag',
        paragraphs: ['Je gebruikt DataDividend niet om anderen te misleiden of schade te doen, niet met gegevens van iemand anders en niet om de beveiliging te omzeilen. Doe je dat toch, dan kunnen we je account blokkeren of beëindigen.'],
        items: [],
      },
      {
        heading: 'Aansprakelijkheid',
        paragraphs: [
          'We doen ons best om DataDividend goed en veilig te laten werken, maar we kunnen niet beloven dat het altijd beschikbaar is. Categorieën worden automatisch toegekend en kunnen fout zijn; je kunt ze zelf verbeteren. Onze aansprakelijkheid is beperkt tot wat de wet toestaat; voor opzet of grove nalatigheid blijven we altijd aansprakelijk.',
        ],
        items: [],
      },
      {
        heading: 'Wijzigingen en recht',
        paragraphs: [
          'Als we deze voorwaarden wijzigen, zie je dat aan de datum bovenaan; belangrijke wijzigingen melden we vooraf. Op deze voorwaarden is Nederlands recht van toepassing. Kom je er met ons niet uit, dan kun je naar de bevoegde rechter in Nederland.',
        ],
        items: [],
      },
    ],
  } satisfies LegalDocument,
  privacy: {
    title: 'Privacyverklaring',
    intro:
      '{{name}} is verantwoordelijk voor de verwerking van je persoonsgegevens. Hier lees je welke gegevens we hebben, waarom, hoe lang we ze bewaren, wie wat krijgt en welke rechten je hebt. Een overzicht per soort gegevens staat op de pagina ‘Hoe we je gegevens gebruiken’.',
    sections: [
      {
        heading: 'Welke gegevens',
        paragraphs: ['We verwerken alleen wat je zelf invult of uploadt, en wat nodig is om je account veilig te houden:'],
        items: [
          'Account: naam, e-mailadres, taal en een versleutelde vorm van je wachtwoord (nooit het wachtwoord zelf).',
          'Profiel: geboortejaar en, uit je postcode, alleen je provincie en gemeente. De postcode zelf bewaren we niet.',
          'Bankgegevens: de afschriften die je uploadt en de transacties daarin (datum, bedrag, omschrijving, tegenpartij, categorie).',
          'Je toestemmingen, met hun geschiedenis, en de branches waarvan je nooit aanbiedingen wilt.',
          'Afgeleide kenmerken voor het tellen van groepen, zoals leeftijdsgroep, regio en uitgavenklasse per categorie.',
          'Verdiensten en uitbetalingen, met het IBAN en de naam waarop je laat uitbetalen.',
          'Beveiliging: sessies, apparaten waarop je eerder inlogde, en in het auditlog inlogpogingen met het IP-adres.',
        ],
      },
      {
        heading: 'Waarvoor en op welke grond',
        paragraphs: [],
        items: [
          'Je account, je overzichten en uitbetalingen: om de overeenkomst met jou uit te voeren.',
          'Meetellen in anonieme statistieken en aanbiedingen in je inbox: alleen met jouw toestemming, per categorie en doel. Je kunt die altijd intrekken.',
          'Beveiliging, fraudepreventie en het auditlog: ons gerechtvaardigd belang om het platform en jouw account te beschermen.',
          'Boekhouding van verdiensten en uitbetalingen: een wettelijke plicht.',
        ],
      },
      {
        heading: 'Wie wat krijgt',
        paragraphs: [
          'Adverteerders krijgen nooit gegevens over jou als persoon. Ze zien alleen samengevoegde aantallen waaraan bewust ruis is toegevoegd (differential privacy): een schatting van een groep toont pas een getal als de groep ongeveer 100 mensen of meer telt, en in rapporten worden cellen met minder dan 20 mensen weggelaten. Per kalendermaand mogen alle adverteerders samen hoogstens een vast privacybudget (ε = 4) aan jou besteden; is dat op, dan tel je die maand niet meer mee.',
          'Een aanbieding komt in je inbox binnen DataDividend; de adverteerder krijgt je adres niet en ziet alleen afgeronde aantallen van bezorgd, geopend en aangeklikt.',
          'Voor uitbetalingen krijgt de bank je IBAN, naam en het bedrag. We verkopen of geven je gegevens verder aan niemand.',
        ],
        items: [],
      },
      {
        heading: 'Hoe lang we bewaren',
        paragraphs: [],
        items: [
          'Zolang je account bestaat bewaren we je account-, profiel-, bank- en toestemmingsgegevens. Verwijder je je account, dan gaan ze allemaal direct mee weg.',
          'Een download van je gegevens (ZIP) bewaren we 7 dagen; daarna wordt die verwijderd.',
          'Een sessie verloopt na 14 dagen; een herkend apparaat na 180 dagen.',
          'Verdiensten en uitbetalingen blijven na verwijdering bewaard onder een willekeurig nummer, zo lang de boekhoudwet dat vraagt (7 jaar). Een lopende uitbetaling houdt het IBAN en de naam tot ze is afgehandeld.',
          'Het auditlog wordt niet gewijzigd; na verwijdering staat daar alleen nog het willekeurige nummer van je account.',
        ],
      },
      {
        heading: 'Beveiliging',
        paragraphs: [
          'Wachtwoorden slaan we op met argon2id, sessies alleen als hash. Herhaalde mislukte inlogpogingen worden vertraagd. Toegang voor beheerders wordt vastgelegd in een auditlog dat niet kan worden aangepast.',
        ],
        items: [],
      },
      {
        heading: 'Je rechten',
        paragraphs: ['Je kunt de meeste rechten zelf uitoefenen in DataDividend, zonder te hoeven vragen:'],
        items: [
          'Inzage en overdracht: download al je gegevens als ZIP onder Privacy & export; onder Waar mijn gegevens heen gingen zie je elke verkoop waar je in zat.',
          'Verbetering: pas je profiel aan en verbeter categorieën onder Mijn gegevens.',
          'Toestemming intrekken en bezwaar: zet toestemmingen uit onder Toestemming, of trek alles in één keer in.',
          'Verwijdering: verwijder je account onder Privacy & export; je sessies worden direct beëindigd.',
          'Lukt iets niet, mail dan {{privacyEmail}}; we antwoorden binnen een maand.',
          'Je kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).',
        ],
      },
      {
        heading: 'Contact',
        paragraphs: ['{{name}}, {{address}} (KvK {{kvk}}), {{privacyEmail}}.'],
        items: [],
      },
    ],
  } satisfies LegalDocument,
  data: {
    title: 'Hoe we je gegevens gebruiken',
    intro: 'Per soort gegevens: wat het is, waarvoor we het gebruiken, hoe lang we het bewaren en wie het krijgt. Adverteerders krijgen alleen samengevoegde, anonieme aantallen.',
    sections: [
      {
        heading: 'Account',
        paragraphs: [],
        items: ['Wat: naam, e-mailadres, taal, versleuteld wachtwoord.', 'Waarvoor: inloggen en je account beheren.', 'Bewaard: tot je je account verwijdert.', 'Wie krijgt het: niemand buiten DataDividend.'],
      },
      {
        heading: 'Profiel',
        paragraphs: [],
        items: ['Wat: geboortejaar, provincie en gemeente (niet je postcode).', 'Waarvoor: leeftijdsgroep en regio in anonieme tellingen, alleen met je toestemming.', 'Bewaard: tot je het wijzigt of je account verwijdert.', 'Wie krijgt het: adverteerders alleen als onderdeel van samengevoegde aantallen.'],
      },
      {
        heading: 'Bankafschriften en transacties',
        paragraphs: [],
        items: [
          'Wat: het geüploade bestand en de transacties (datum, bedrag, omschrijving, tegenpartij, categorie).',
          'Waarvoor: je uitgaven laten zien en, met je toestemming per categorie, uitgavenklassen afleiden voor anonieme tellingen.',
          'Bewaard: tot je je account verwijdert.',
          'Wie krijgt het: niemand; losse transacties verlaten DataDividend nooit.',
        ],
      },
      {
        heading: 'Toestemmingen',
        paragraphs: [],
        items: ['Wat: je keuzes per categorie en doel, met einddatum en geschiedenis.', 'Waarvoor: bepalen wat wel en niet meetelt, en kunnen aantonen dat je toestemming gaf.', 'Bewaard: tot je je account verwijdert.', 'Wie krijgt het: niemand.'],
      },
      {
        heading: 'Verkopen, verdiensten en uitbetalingen',
        paragraphs: [],
        items: [
          'Wat: elke verkoop waar je in zat, je aandeel (70% van elke verkoop gaat naar de leden), uitbetalingsaanvragen met IBAN en naam.',
          'Waarvoor: je uitbetalen en laten zien waar je gegevens heen gingen.',
          'Bewaard: verkopen tot je je account verwijdert; de boekhouding 7 jaar onder een willekeurig nummer.',
          'Wie krijgt het: de bank (IBAN, naam, bedrag) bij een uitbetaling.',
        ],
      },
      {
        heading: 'Wat adverteerders krijgen',
        paragraphs: [],
        items: [
          'Schattingen van groepsgrootte, afgerond op twee cijfers en pas vanaf ongeveer 100 mensen.',
          'Rapporten met aantallen per groep, met ruis; cellen onder 20 worden weggelaten.',
          'Bij een campagne: afgeronde aantallen bezorgd, geopend en aangeklikt.',
          'Nooit: je naam, e-mailadres, transacties, een id of een lijst met leden.',
          'Per maand mogen alle adverteerders samen hoogstens privacybudget ε = 4 aan jou besteden.',
        ],
      },
      {
        heading: 'Beveiliging en logboek',
        paragraphs: [],
        items: ['Wat: sessies, herkende apparaten, inlogpogingen met IP-adres.', 'Waarvoor: je account beschermen en misbruik tegengaan.', 'Bewaard: sessies 14 dagen, apparaten 180 dagen; het auditlog blijft, na verwijdering alleen met een willekeurig nummer.', 'Wie krijgt het: niemand buiten DataDividend.'],
      },
      {
        heading: 'Download van je gegevens',
        paragraphs: [],
        items: ['Wat: een ZIP met alles wat we over je hebben.', 'Waarvoor: jouw recht op inzage en overdracht.', 'Bewaard: 7 dagen, daarna verwijderd.', 'Wie krijgt het: alleen jij.'],
      },
      {
        heading: 'Je rechten gebruiken',
        paragraphs: [
          'Downloaden en verwijderen doe je onder Privacy & export, toestemming aanpassen onder Toestemming, gegevens verbeteren onder Profiel en Mijn gegevens. Vragen of een klacht: {{privacyEmail}}, of de Autoriteit Persoonsgegevens.',
        ],
        items: [],
      },
    ],
  } satisfies LegalDocument,
};

export type LegalTranslations = typeof legalNl;
