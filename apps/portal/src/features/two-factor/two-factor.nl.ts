/** Texts of an admin's second sign-in step: the authenticator code, the set-up and the recovery codes. */
export const twoFactorNl = {
  code: {
    title: 'Inlogcode invullen',
    description: 'Je beheerdersaccount is beveiligd met tweestapsverificatie. Vul de code van 6 cijfers uit je authenticator-app in.',
    label: 'Code van 6 cijfers',
    hint: 'De code staat in je authenticator-app bij DataDividend en verandert elke 30 seconden.',
    submit: 'Inloggen',
    useRecovery: 'Ik heb mijn telefoon niet: herstelcode gebruiken',
    useApp: 'Toch de code uit de app gebruiken',
  },
  recovery: {
    title: 'Herstelcode invullen',
    description: 'Vul een van de herstelcodes in die je bij het instellen hebt bewaard. Elke herstelcode werkt één keer.',
    label: 'Herstelcode',
    hint: 'Bijvoorbeeld abcd-efgh-jkmn. Hoofdletters en streepjes maken niet uit.',
  },
  setUp: {
    title: 'Tweestapsverificatie instellen',
    description: 'Beheerders loggen in met hun wachtwoord én een code uit een authenticator-app. Stel dat nu eenmalig in.',
    scanStep: 'Open een authenticator-app (zoals Google Authenticator, Microsoft Authenticator of 1Password) en scan deze QR-code.',
    qrAlt: 'QR-code om DataDividend ({{email}}) toe te voegen aan je authenticator-app',
    manualStep: 'Kun je niet scannen? Voer deze sleutel dan met de hand in (tijdgebaseerd, 6 cijfers):',
    secretLabel: 'Sleutel voor handmatige invoer',
    confirmStep: 'Vul daarna de code in die de app nu laat zien.',
    submit: 'Bevestigen',
  },
  recoveryCodes: {
    title: 'Bewaar je herstelcodes',
    description: 'Heb je je telefoon niet bij de hand, dan log je in met een van deze codes. Elke code werkt één keer. Je ziet ze alleen nu.',
    listLabel: 'Herstelcodes',
    copy: 'Codes kopiëren',
    copied: 'De codes staan op het klembord.',
    saved: 'Ik heb ze bewaard',
  },
  expired: 'Je inlogpoging is verlopen (na 5 minuten). Log opnieuw in met je e-mailadres en wachtwoord.',
  throttled: 'Te veel onjuiste codes. Probeer het over {{wait}} opnieuw.',
  backToSignIn: 'Terug naar inloggen',
  validation: {
    codeRequired: 'Vul de code in.',
    codeInvalid: 'Een code bestaat uit 6 cijfers; een herstelcode uit 12 letters en cijfers.',
    expired: 'Je inlogpoging is verlopen. Log opnieuw in.',
  },
  errors: {
    codeWrong: 'Deze code klopt niet. Vul de code in die de app nu laat zien, of een herstelcode.',
    codeUsed: 'Deze code is al gebruikt. Wacht op de volgende code in je app.',
  },
};

export type TwoFactorTranslations = typeof twoFactorNl;
