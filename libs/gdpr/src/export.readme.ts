import type { Locale } from '@dd/db';

/** The README inside the export ZIP, in the customer's own language; every file it lists is in the ZIP. */
const README: Record<Locale, string> = {
  nl: `DataDividend: alles wat we over je bewaren

account.json              je e-mailadres, weergavenaam, taal en wanneer je lid werd
profile.json              wat je zelf invulde (van je postcode bewaren we alleen provincie en gemeente)
features.json             de grove kenmerken die uit je gegevens zijn afgeleid (wat segmenten kunnen gebruiken)
transactions.json/.csv    elke transactie die je importeerde, met haar categorie; is_reversal = true is een
                          terugboeking door de bank (die de betaling die ze terugdraait opheft)
uploads.json/.csv         de afschriften die je uploadde (de bestanden zelf wissen we na het importeren)
consent-history.json/.csv en industry-exclusions.json/.csv
                          elke toestemmingskeuze die je maakte, met de versie van de voorwaarden die je zag
timeline.json/.csv        elke verkoop waar je gegevens deel van waren, met het doel in de woorden van de adverteerder
earnings.json/.csv        wat je per verkoop verdiende
offers.json/.csv          elke aanbieding in je inbox, ook verwijderde: wanneer ontvangen, geopend, aangeklikt, verwijderd
payout-requests.json/.csv je uitbetalingsverzoeken, met rekeningnummer en status
privacy-budget.json/.csv  hoeveel privacybudget per maand aan jou is besteed (in miljoensten epsilon)
privacy-charges.json/.csv elke vrijgave die je privacybudget gebruikte: soort, moment en hoeveel
sessions.json/.csv        je aanmeldingen: wanneer ze begonnen, laatst gebruikt, verliepen of werden beëindigd (en waarom), met browser en besturingssysteem
known-devices.json/.csv   de browsers die we herkennen om je account tegen raden te beschermen
sign-in-failures.json/.csv mislukte aanmeldpogingen op je account
notifications.json/.csv   de meldingen die we je in het portaal lieten zien, en wanneer je ze las
notification-settings.json/.csv welke meldingen je wel of niet per e-mail wilt krijgen

Bedragen staan in eurocenten (gehele getallen); een minteken is geld dat uitgaat.
Geheimen (je wachtwoord, sessie- en apparaatsleutels) staan er niet in: we bewaren ze alleen als
onomkeerbare hash, en ze zeggen niets over jou.
`,
  en: `DataDividend: everything we store about you

account.json              your email address, display name, language and when you joined
profile.json              the facts you entered (only province and municipality of your postcode are kept)
features.json             the coarse features derived from your data (what segments can use)
transactions.json/.csv    every transaction you imported, with its category; is_reversal = true is a reversal
                          by the bank (it cancels the payment it takes back)
uploads.json/.csv         the statements you uploaded (the files themselves are deleted after import)
consent-history.json/.csv and industry-exclusions.json/.csv
                          every consent decision you made, with the policy version you saw
timeline.json/.csv        every sale your data was part of, with the purpose in the advertiser's own words
earnings.json/.csv        what you earned per sale
offers.json/.csv          every offer in your inbox, removed ones too: when received, opened, clicked, removed
payout-requests.json/.csv your payout requests, with account number and status
privacy-budget.json/.csv  how much privacy budget was spent on you per month (in millionths of epsilon)
privacy-charges.json/.csv each release that used your privacy budget: kind, moment and how much
sessions.json/.csv        your sign-ins: when they started, were last used, expired or were ended (and why), with browser and operating system
known-devices.json/.csv   the browsers we recognise to protect your account against guessing
sign-in-failures.json/.csv failed sign-in attempts on your account
notifications.json/.csv   the notifications we showed you in the portal, and when you read them
notification-settings.json/.csv which notifications you chose to get by email or not

Amounts are in euro cents (integer); a minus sign is money going out.
Secrets (your password, session and device keys) are not included: we keep them only as a
one-way hash, and they say nothing about you.
`,
};

export function exportReadme(locale: Locale): string {
  return README[locale] ?? README.en;
}
