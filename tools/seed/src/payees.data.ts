/**
 * Counterparties of recurring payments: employers and benefit agencies, landlords and mortgage
 * lenders, utilities, telecom, insurers, subscriptions, and the special-category payees (health,
 * unions, political parties, religious communities, pregnancy) that must never be sold.
 * [name, weight] pairs; a KvK-like number makes each collector's SEPA creditor id stable.
 */
export type Weighted = readonly (readonly [string, number])[];

export const EMPLOYERS: Weighted = [
  ['Van Dijk Installatietechniek B.V.', 3], ['Bakker Logistiek B.V.', 3], ['De Vries Bouw B.V.', 3], ['Randstad Groep Nederland B.V.', 4],
  ['Tempo-Team Uitzendbureau B.V.', 2], ['Mulder Accountants B.V.', 2], ['Stichting Openbaar Onderwijs', 3], ['Rijksoverheid P-Direkt', 4],
  ['Gemeente', 4], ['Koninklijke Philips N.V.', 2], ['ASML Netherlands B.V.', 2], ['PostNL Holding B.V.', 2], ['Stichting Kinderopvang Nederland', 2],
  ['Bol.com B.V.', 1], ['Technische Unie B.V.', 1], ['Brouwer Transport B.V.', 2], ['Visser Software B.V.', 2], ['Coolblue B.V.', 1],
];

/** Jobs students and minors take on the side; paying employers look like shops, on purpose. */
export const SIDE_JOB_EMPLOYERS: Weighted = [
  ['Albert Heijn B.V.', 5], ['Jumbo Supermarkten B.V.', 4], ['HEMA B.V.', 2], ['Takeaway.com Group B.V.', 2], ['Lidl Nederland GmbH', 2],
  ['Horeca Groep De Markt B.V.', 2], ['Kruidvat B.V.', 1],
];

export const FREELANCE_CLIENTS: Weighted = [
  ['Studio Noord B.V.', 2], ['Gemeente', 1], ['Jansen Media B.V.', 2], ['Hoekstra Consultancy', 1], ['Stichting Cultuurfonds', 1], ['Peters & Co B.V.', 1],
];

export const PENSION_FUNDS: Weighted = [
  ['Stichting Pensioenfonds ABP', 30], ['Stichting Pensioenfonds Zorg en Welzijn', 20], ['Stichting Pensioenfonds Metaal en Techniek', 12],
  ['Bpf BOUW', 8], ['Nationale-Nederlanden', 6], ['Stichting Pensioenfonds Rail en OV', 4],
];

export const SOCIAL_LANDLORDS: Weighted = [
  ['Ymere', 6], ['Eigen Haard', 5], ['Stadgenoot', 4], ['De Key', 3], ['Woonstad Rotterdam', 5], ['Havensteder', 4], ['Haag Wonen', 3],
  ['Staedion', 3], ['Mitros', 2], ['Portaal', 4], ['Woonbedrijf', 2], ['Wonen Limburg', 3], ['Lefier', 2], ['Elkien', 2], ['Domesta', 1],
];
export const PRIVATE_LANDLORDS: Weighted = [['Vesteda', 4], ['MVGM Vastgoedmanagement', 3], ['Rebo Vastgoed', 2], ['Heimstaden', 2], ['Bouwinvest', 1]];
export const STUDENT_LANDLORDS: Weighted = [['Stichting DUWO', 4], ['Stichting SSH', 3], ['Idealis', 1], ['Xior Student Housing', 2]];
export const MORTGAGE_LENDERS: Weighted = [
  ['ING Bank N.V. Hypotheken', 20], ['Rabobank Hypotheken', 22], ['ABN AMRO Hypotheken Groep B.V.', 15], ['Obvion N.V.', 6],
  ['Florius', 4], ['Nationale-Nederlanden Bank', 8], ['Aegon Hypotheken', 6], ['Munt Hypotheken', 3], ['a.s.r. Hypotheken', 4],
];

export const ENERGY_SUPPLIERS: Weighted = [
  ['Vattenfall Klantenservice N.V.', 20], ['Eneco Consumenten B.V.', 22], ['Essent Retail Energie B.V.', 24], ['Greenchoice', 6],
  ['Budget Energie', 8], ['Vandebron Energie B.V.', 4], ['Energiedirect.nl', 4],
];

/** Drinking water is regional: the company follows from the province. */
export const WATER_BY_PROVINCE: Readonly<Record<string, string>> = {
  'Zuid-Holland': 'Dunea N.V.', 'Noord-Holland': 'PWN Waterleidingbedrijf', 'Noord-Brabant': 'Brabant Water N.V.', Gelderland: 'Vitens N.V.',
  Utrecht: 'Vitens N.V.', Overijssel: 'Vitens N.V.', Limburg: 'WML', 'Fryslân': 'Vitens N.V.', Groningen: 'Waterbedrijf Groningen',
  Drenthe: 'WMD Drinkwater B.V.', Flevoland: 'Vitens N.V.', Zeeland: 'Evides N.V.',
};

export const MOBILE_PROVIDERS: Weighted = [['KPN B.V.', 30], ['Odido Netherlands B.V.', 25], ['Vodafone Libertel B.V.', 20], ['Simyo', 8], ['Ben Nederland B.V.', 7], ['Lebara', 4]];
export const INTERNET_PROVIDERS: Weighted = [['Ziggo B.V.', 45], ['KPN B.V.', 35], ['Odido Netherlands B.V.', 12], ['Delta Fiber Nederland B.V.', 8]];

export const HEALTH_INSURERS: Weighted = [
  ['Zilveren Kruis Zorgverzekeringen N.V.', 30], ['VGZ Zorgverzekeraar N.V.', 24], ['CZ Zorgverzekeringen', 22], ['Menzis Zorgverzekeraar N.V.', 12],
  ['DSW Zorgverzekeraar U.A.', 5], ['ONVZ Ziektekostenverzekeraar N.V.', 4], ['Zorg en Zekerheid', 3],
];
export const PHARMACIES: readonly string[] = ['BENU Apotheek {TOWN}', 'Apotheek De Ster {TOWN}', 'Service Apotheek {TOWN}', 'Apotheek Centrum {TOWN}'];
export const GP_PRACTICES: readonly string[] = ['Huisartsenpraktijk De Linde', 'Huisartsenpraktijk Centrum', 'Huisartsenpraktijk Oudwijk', 'Gezondheidscentrum De Brug'];
export const DENTISTS: readonly string[] = ['Tandartspraktijk {Town}', 'Mondzorg {Town}', 'Tandartsenpraktijk Het Gebit'];
export const HOSPITALS_BY_PROVINCE: Readonly<Record<string, readonly string[]>> = {
  'Zuid-Holland': ['Erasmus MC', 'HMC Ziekenhuis', 'LUMC'], 'Noord-Holland': ['Amsterdam UMC', 'OLVG', 'Spaarne Gasthuis'],
  'Noord-Brabant': ['Catharina Ziekenhuis', 'Amphia Ziekenhuis', 'Jeroen Bosch Ziekenhuis'], Gelderland: ['Radboudumc', 'Rijnstate', 'Gelre Ziekenhuizen'],
  Utrecht: ['UMC Utrecht', 'St. Antonius Ziekenhuis', 'Meander Medisch Centrum'], Overijssel: ['Isala', 'Medisch Spectrum Twente'],
  Limburg: ['Maastricht UMC+', 'Zuyderland Medisch Centrum'], 'Fryslân': ['Medisch Centrum Leeuwarden', 'Antonius Ziekenhuis Sneek'],
  Groningen: ['UMCG', 'Martini Ziekenhuis'], Drenthe: ['Treant Zorggroep', 'Wilhelmina Ziekenhuis Assen'], Flevoland: ['Flevoziekenhuis', 'St Jansdal'],
  Zeeland: ['Admiraal De Ruyter Ziekenhuis', 'ZorgSaam Ziekenhuis'],
};

export const TRADE_UNIONS: readonly (readonly [name: string, text: string, weight: number])[] = [
  ['FNV', 'Contributie FNV lidnummer {member} {maand} {jaar}', 70], ['CNV Vakmensen', 'CNV contributie {maand} {jaar} lidnr {member}', 20],
  ['AOb', 'Contributie AOb {maand} {jaar}', 5], ['De Unie', 'Lidmaatschap De Unie {maand}', 5],
];

/** Parties with real member organisations (weights ≈ membership); contribution texts as banks show them. */
export const POLITICAL_PARTIES: readonly (readonly [name: string, text: string, weight: number])[] = [
  ['GroenLinks-PvdA', 'Contributie GroenLinks-PvdA lidnr {member}', 24], ['D66', 'D66 contributie {maand} {jaar}', 10],
  ['VVD', 'VVD lidmaatschap {jaar} termijn {mm}', 9], ['CDA', 'CDA contributie lidnummer {member}', 10], ['SP', 'SP contributie {maand}', 9],
  ['ChristenUnie', 'ChristenUnie contributie {jaar}', 7], ['SGP', 'SGP lidmaatschap {jaar}', 8], ['Partij voor de Dieren', 'PvdD contributie {maand} {jaar}', 6],
  ['BBB', 'BBB lidmaatschap {jaar}', 6], ['Volt Nederland', 'Volt membership {maand}', 3],
];

/** Communities that receive monthly gifts; {Town} is the customer's municipality. */
export const RELIGIOUS_COMMUNITIES: readonly (readonly [name: string, text: string, weight: number, south?: boolean])[] = [
  ['Parochie H. Nicolaas {Town}', 'Gift parochie {maand} {jaar}', 20, true], ['Parochie St. Jan {Town}', 'Kerkbijdrage {jaar}', 10, true],
  ['Protestantse Gemeente {Town}', 'Kerkbalans {jaar} termijn {mm}', 24], ['Hervormde Gemeente {Town}', 'Vrijwillige bijdrage {maand}', 6],
  ['Stichting Moskee {Town}', 'Maandelijkse gift moskee', 10], ['Evangelische Gemeente {Town}', 'Tienden {maand}', 5],
  ['Joodse Gemeente {Town}', 'Bijdrage {jaar}', 1], ['Hindoe Stichting Sanatan Dharm', 'Gift mandir {maand}', 1],
];

/** Spending that reveals a pregnancy: a protected life event, whatever the shop's usual category. */
export const PREGNANCY_PURCHASES: readonly (readonly [channel: 'card' | 'ideal' | 'debit', name: string, text: string, min: number, max: number])[] = [
  ['card', 'PRENATAL {TOWN}', '', 1500, 25000], ['card', 'Babypark {TOWN}', '', 2500, 60000],
  ['ideal', 'bol.com', 'Bestelnummer {order} bol.com Zwangerschapskussen', 3999, 6999],
  ['ideal', 'Zwangerschapsyoga Studio Buik', 'Zwangerschapsyoga 10-rittenkaart', 9000, 14000],
  ['debit', 'Kraamzorg Het Groene Kruis', 'Eigen bijdrage kraamzorg inschrijving {order}', 2500, 9000],
  ['card', 'Prenatal {TOWN}', '', 999, 8000],
];

export const SUBSCRIPTIONS: readonly (readonly [name: string, text: string, cents: number, category: 'leisure' | 'other' | 'mobility', interest?: string])[] = [
  ['Spotify AB', 'Spotify Premium {maand} {jaar}', 1199, 'leisure', 'music'], ['Netflix International B.V.', 'Netflix abonnement {order}', 1399, 'leisure', 'film'],
  ['Videoland', 'Videoland Plus {maand}', 999, 'leisure'], ['Disney Plus', 'Disney+ abonnement', 1099, 'leisure', 'film'],
  ['Basic-Fit Nederland B.V.', 'Basic-Fit lidmaatschap {maand} {jaar}', 2999, 'leisure', 'sport'], ['Storytel', 'Storytel abonnement', 1499, 'leisure', 'reading'],
  ['Microsoft Xbox', 'Xbox Game Pass {maand}', 1299, 'leisure', 'gaming'], ['DPG Media B.V.', 'Abonnement de Volkskrant {maand}', 3250, 'other', 'reading'],
  ['ANWB B.V.', 'ANWB Wegenwacht {jaar}', 1050, 'mobility'], ['Swapfiets', 'Swapfiets abonnement {maand}', 1950, 'mobility'],
];

export const INSURERS: Weighted = [['Centraal Beheer', 30], ['Interpolis', 25], ['a.s.r. Schadeverzekering', 15], ['Allianz Direct', 10], ['InShared', 10], ['Ditzo', 10]];
