// The `notifications` namespace (useTranslation('notifications')): the notifications page and the
// settings section on /account. notifications.en.ts mirrors every key; registered in i18n/i18n.ts.
// The notifications' own titles and texts come from the API in the language asked for (the same
// wording as the mail), so only the page around them lives here.
export const notificationsNl = {
  title: 'Meldingen',
  description: 'Wat er met je account, je gegevens en je geld gebeurde. Welke meldingen je ook per e-mail krijgt, stel je in op je accountpagina.',
  listLabel: 'Je meldingen',
  loadError: 'Je meldingen konden niet worden geladen',
  emptyTitle: 'Nog geen meldingen',
  emptyBody: 'Zodra er iets gebeurt dat je moet weten, zie je het hier.',
  markAllRead: 'Alles gelezen',
  allRead: 'Alle meldingen zijn gelezen.',
  unread: 'Ongelezen',
  open: 'Bekijken',
  openLabel: 'Bekijk: {{title}}',
  more: 'Meer meldingen',
  toSettings: 'Meldingen instellen',
  settings: {
    heading: 'Meldingen',
    description: 'Elke melding zie je in het portaal. Kies hier welke je ook per e-mail krijgt.',
    loadError: 'Je instellingen voor meldingen konden niet worden geladen',
    none: 'Voor jouw soort account zijn er geen meldingen om in te stellen.',
    mailLabel: '{{kind}}: ook per e-mail',
    on: 'Aan',
    off: 'Uit',
    saved: 'Opgeslagen.',
    mandatory: {
      money: 'Altijd per e-mail: over je geld moeten we je wettelijk informeren.',
      account: 'Altijd per e-mail: over je account moeten we je wettelijk informeren.',
    },
  },
  // Per notification kind (`gdpr.exportReady` is kinds.gdpr.exportReady), for the settings.
  kinds: {
    gdpr: {
      exportReady: 'Je gegevensexport staat klaar',
    },
    offers: {
      received: 'Nieuwe aanbieding in je inbox',
    },
    sales: {
      weeklyDigest: 'Wekelijks overzicht van verkopen waarin je zat',
    },
    payouts: {
      sent: 'Uitbetaling verstuurd',
      returned: 'Uitbetaling teruggekomen',
    },
    purchases: {
      approved: 'Aankoop goedgekeurd',
      rejected: 'Aankoop afgewezen',
      delivered: 'Aankoop geleverd',
    },
    organisation: {
      verified: 'Organisatie geverifieerd',
      rejected: 'Organisatie niet geverifieerd',
    },
    billing: {
      lowBalance: 'Saldo bijna op',
    },
  },
};
