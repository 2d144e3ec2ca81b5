// Dutch texts of the admin's audit log page; admin-audit.en.ts mirrors every key.

export const adminAuditNl = {
  eyebrow: 'Beheer',
  title: 'Auditlog',
  description: 'Elke bevoegde handeling, vastgelegd op het moment zelf en nooit gewijzigd. Zoek op handeling, onderwerp of tekst in de details.',
  filters: {
    title: 'Zoeken',
    query: 'Zoekterm',
    queryHint: 'Zoekt in handeling, onderwerp, id en details.',
    action: 'Handeling',
    subjectType: 'Soort onderwerp',
    any: 'Alle',
    from: 'Vanaf',
    to: 'Tot en met',
    search: 'Zoeken',
    clear: 'Wissen',
  },
  table: {
    caption: 'Auditlog, nieuwste eerst',
    at: 'Tijdstip',
    actor: 'Door',
    action: 'Handeling',
    subject: 'Onderwerp',
    details: 'Details',
    system: 'systeem',
    erasedActor: 'verwijderd account',
  },
  roles: { admin: 'beheerder', advertiser: 'adverteerder', customer: 'klant', system: 'systeem' },
  empty: 'Geen regels gevonden met deze filters.',
  loadError: 'De auditlog kan nu niet worden geladen.',
  paging: { label: 'Pagina’s', newer: 'Nieuwere regels', older: 'Oudere regels', page: 'Pagina {{page}}' },
  validation: {
    dateInvalid: 'Vul een datum in.',
    rangeReversed: 'De einddatum ligt vóór de begindatum.',
    tooLong: 'Deze zoekterm is te lang.',
  },
};
