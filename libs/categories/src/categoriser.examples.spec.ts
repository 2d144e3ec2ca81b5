import { describe, expect, it } from 'vitest';
import { createCategoriser, type TransactionToCategorise } from './categoriser';
import type { CategoryCode } from './category.catalogue';

const categoriser = createCategoriser();

// Shapes as the three banks export them: ING fills the counterparty and puts labelled details in
// Mededelingen; Rabobank has a separate name column and lower-case codes; ABN AMRO has everything in
// the description.
const ingCard = (name: string): TransactionToCategorise => ({
  counterpartyName: name,
  description: 'Pasvolgnr: 003 30-12-2021 09:15 Transactie: 8L2X4T Term: X0H123 Apple Pay Valutadatum: 30-12-2021',
  bankCode: 'BA',
  amountCents: -2_345,
});
const ingDebit = (name: string, omschrijving: string, code = 'IC'): TransactionToCategorise => ({
  counterpartyName: name,
  description: `Naam: ${name} Omschrijving: ${omschrijving} IBAN: NL12INGB0001234567 Kenmerk: 20240101-123 Valutadatum: 02-01-2024`,
  bankCode: code,
  amountCents: -4_500,
});
const raboCard = (name: string): TransactionToCategorise => ({ counterpartyName: name, description: ' ', bankCode: 'bc', amountCents: -1_999 });
const abnCard = (merchant: string): TransactionToCategorise => ({
  counterpartyName: '',
  description: `BEA, Betaalpas                   ${merchant},PAS123           NR:0ABC0D, 13.02.23/14:37        AMSTERDAM`,
  amountCents: -3_450,
});
const abnOld = (merchant: string): TransactionToCategorise => ({
  counterpartyName: null,
  description: `BEA   NR:XXXX 30.12.21/09.15 ${merchant},PAS123               ZAANDAM`,
  amountCents: -1_250,
});

const CASES: [string, TransactionToCategorise, CategoryCode][] = [
  // Groceries.
  ['ING Albert Heijn with store number and city', ingCard('ALBERT HEIJN 1403 AMSTERDAM'), 'groceries'],
  ['ABN AMRO old-style BEA line', abnOld('ALBERT HEIJN 1234'), 'groceries'],
  ['AH to go with store number', ingCard('AH to go 5678'), 'groceries'],
  ['AH with only a store number', raboCard('AH 1234 UTRECHT'), 'groceries'],
  ['Jumbo', raboCard('Jumbo Utrecht Overvecht'), 'groceries'],
  ['Lidl', ingCard('LIDL 0234 DEN HAAG'), 'groceries'],
  ['Aldi', abnCard('ALDI 123 ZWOLLE'), 'groceries'],
  ['PLUS franchise', ingCard('PLUS VERMAAT 2345'), 'groceries'],
  ['Dirk', ingCard('DIRK 1234 AMSTERDAM'), 'groceries'],
  ['Dirk van den Broek', raboCard('Dirk van den Broek 0034'), 'groceries'],
  ['Coop', ingCard('COOP VANDAAG 4567'), 'groceries'],
  ['Spar', ingCard('SPAR CITY LEIDEN'), 'groceries'],
  ['Vomar', ingCard('VOMAR VOORDEELMARKT 1234'), 'groceries'],
  ['Hoogvliet', ingCard('Hoogvliet 123 Rotterdam'), 'groceries'],
  ['Ekoplaza', raboCard('Ekoplaza Utrecht Lunetten'), 'groceries'],
  ['Picnic', ingDebit('Picnic B.V.', 'Bestelling 2024-01'), 'groceries'],
  ['Crisp', ingDebit('Crisp B.V.', 'Order 123456'), 'groceries'],
  // Drugstore, and the pharmacy exception.
  ['Etos', ingCard('ETOS 7788 UTRECHT'), 'drugstore'],
  ['Kruidvat', abnCard('KRUIDVAT 7788'), 'drugstore'],
  ['DA drugstore', ingCard('DA Drogisterij Van Dijk'), 'drugstore'],
  ['Trekpleister', ingCard('Trekpleister 1234'), 'drugstore'],
  // Fashion.
  ['Zalando', ingDebit('Zalando SE', 'Bestelling 10203040'), 'fashion'],
  ['H&M', ingCard('H&M 123 AMSTERDAM'), 'fashion'],
  ['H & M with spaces', abnCard('H & M HENNES & MAURITZ'), 'fashion'],
  ['Zara', ingCard('ZARA 1234 UTRECHT'), 'fashion'],
  ['Primark', ingCard('Primark Rotterdam'), 'fashion'],
  ['Zeeman', ingCard('Zeeman textielSupers 123'), 'fashion'],
  ['C&A', ingCard('C&A 1234'), 'fashion'],
  ['WE Fashion', ingCard('WE Fashion 234'), 'fashion'],
  ['Wehkamp', ingDebit('Wehkamp Finance B.V.', 'Factuur 123'), 'fashion'],
  ['Scotch & Soda', ingCard('Scotch & Soda Amsterdam'), 'fashion'],
  // Electronics and marketplaces.
  ['Coolblue', ingDebit('Coolblue B.V.', 'Bestelling 9090'), 'electronics'],
  ['MediaMarkt', ingCard('MEDIA MARKT 123 EINDHOVEN'), 'electronics'],
  ['bol.com is a marketplace', ingDebit('bol.com b.v.', 'Bestelling 4500123'), 'other'],
  // Home.
  ['IKEA', abnCard('IKEA Amsterdam'), 'home'],
  ['Action', ingCard('ACTION 1234 UTRECHT'), 'home'],
  ['HEMA old ABN line', abnOld('Hema EV123'), 'home'],
  ['Gamma', ingCard('GAMMA 234 HILVERSUM'), 'home'],
  ['Praxis', ingCard('Praxis 123 Breda'), 'home'],
  ['Karwei', ingCard('KARWEI 456'), 'home'],
  ['Leen Bakker', ingCard('Leen Bakker 789'), 'home'],
  ['Kwantum', ingCard('Kwantum Nederland'), 'home'],
  ['Xenos', ingCard('Xenos 101'), 'home'],
  // Mobility.
  ['NS on ING', ingDebit('NS GROEP IZ NS REIZIGERS', 'Trajectvrij'), 'mobility'],
  ['OV-chipkaart', ingDebit('Translink Systems', 'OV-chipkaart automatisch opladen'), 'mobility'],
  ['OVpay tap', abnCard('NLOVAB1C2D3E4F5G6H'), 'mobility'],
  ['GVB', ingCard('GVB 1234'), 'mobility'],
  ['RET', ingCard('RET ROTTERDAM'), 'mobility'],
  ['HTM', ingCard('HTM Personenvervoer'), 'mobility'],
  ['Arriva', ingCard('Arriva Nederland'), 'mobility'],
  ['Connexxion', ingCard('Connexxion'), 'mobility'],
  ['Q-Park', ingCard('Q-Park Centrum'), 'mobility'],
  ['Shell', ingCard('Shell Station A2 Vinkeveen'), 'mobility'],
  ['BP', ingCard('BP 123 Utrecht'), 'mobility'],
  ['Esso', ingCard('ESSO De Meern'), 'mobility'],
  ['Tango', ingCard('Tango Zwolle'), 'mobility'],
  ['TinQ', ingCard('TINQ 45 ALMERE'), 'mobility'],
  ['Tesla Supercharger', ingCard('Tesla Supercharger Nederland'), 'mobility'],
  ['Swapfiets', ingDebit('Swapfiets', 'Abonnement januari'), 'mobility'],
  ['Greenwheels', ingDebit('Greenwheels', 'Rit 123'), 'mobility'],
  ['ParkMobile', ingDebit('Parkmobile Benelux', 'Parkeren'), 'mobility'],
  ['Uber is a ride', ingCard('UBER *TRIP'), 'mobility'],
  // Travel.
  ['KLM', ingDebit('KLM Royal Dutch Airlines', 'Ticket 0741234567890'), 'travel'],
  ['Transavia', ingCard('TRANSAVIA AIRLINES'), 'travel'],
  ['Booking.com', ingDebit('Booking.com BV', 'Reservering 123456'), 'travel'],
  ['Airbnb', ingDebit('Airbnb Payments UK', 'Reservation HMABC'), 'travel'],
  ['Corendon', ingDebit('Corendon', 'Boeking 123'), 'travel'],
  ['TUI', abnCard('TUIFLY NL'), 'travel'],
  ['Sunweb', ingDebit('Sunweb Group', 'Boeking 123'), 'travel'],
  ['NS International', ingDebit('NS International', 'Ticket Brussel'), 'travel'],
  // Dining.
  ['Thuisbezorgd via Adyen', ingDebit('Thuisbezorgd.nl via Adyen', 'Bestelling 1A2B'), 'dining'],
  ['Just Eat', ingDebit('Just Eat Takeaway', 'Order'), 'dining'],
  ['Uber Eats is food', ingCard('UBER EATS'), 'dining'],
  ['Deliveroo', ingDebit('Deliveroo Netherlands', 'Order'), 'dining'],
  ["McDonald's", ingCard("McDonald's 123 Utrecht"), 'dining'],
  ['Burger King', ingCard('BURGER KING 456'), 'dining'],
  ['Starbucks', ingCard('Starbucks Amsterdam Centraal'), 'dining'],
  ["Domino's", ingCard("Domino's Pizza 123"), 'dining'],
  ['New York Pizza', ingCard('New York Pizza 23'), 'dining'],
  ['Eetcafé by keyword', ingCard('Eetcafé De Zwaan'), 'dining'],
  ['Restaurant by keyword', raboCard('Restaurant Het Veerhuis'), 'dining'],
  // Leisure.
  ['Pathé', ingCard('Pathé Tuschinski'), 'leisure'],
  ['Vue', ingCard('Vue Cinemas Hilversum'), 'leisure'],
  ['Kinepolis', ingCard('Kinepolis Utrecht Jaarbeurs'), 'leisure'],
  ['Efteling', ingDebit('Efteling B.V.', 'Tickets'), 'leisure'],
  ['Walibi', ingCard('Walibi Holland'), 'leisure'],
  ['Rijksmuseum', ingCard('Rijksmuseum Amsterdam'), 'leisure'],
  ['Museumkaart', ingDebit('Museumkaart', 'Verlenging'), 'leisure'],
  ['Ticketmaster', ingDebit('Ticketmaster Nederland', 'Order'), 'leisure'],
  // Subscriptions.
  ['Netflix on ABN AMRO SEPA line', { counterpartyName: '', description: 'SEPA Incasso algemeen doorlopend Incassant: GB98NFXSDDCHAS01234567890123                          Naam: NETFLIX INTERNATIONAL B.V.Machtiging: DD-01234567890123456 7-890-123456                    Omschrijving: Netflix Monthly Su bscription', amountCents: -1_599 }, 'subscriptions'],
  ['Spotify', ingDebit('Spotify AB', 'Spotify Premium'), 'subscriptions'],
  ['Disney+', ingDebit('Disney+', 'Monthly'), 'subscriptions'],
  ['Videoland', ingDebit('Videoland', 'Abonnement'), 'subscriptions'],
  ['Apple.com/bill', ingCard('APPLE.COM/BILL'), 'subscriptions'],
  ['Google Play', ingCard('Google Play Apps'), 'subscriptions'],
  // Telecom.
  ['KPN', ingDebit('KPN B.V.', 'Factuur 12345'), 'telecom'],
  ['Odido', ingDebit('Odido Netherlands B.V.', 'Factuur'), 'telecom'],
  ['T-Mobile', ingDebit('T-Mobile Netherlands B.V.', 'Factuur'), 'telecom'],
  ['Vodafone', ingDebit('Vodafone Libertel B.V.', 'Factuur'), 'telecom'],
  ['Ziggo', ingDebit('Ziggo Services B.V.', 'Factuur'), 'telecom'],
  ['Tele2', ingDebit('Tele2 Nederland', 'Factuur'), 'telecom'],
  ['Simyo', ingDebit('Simyo', 'Abonnement'), 'telecom'],
  ['Lebara', ingCard('Lebara Mobile'), 'telecom'],
  // Energy and water.
  ['Vattenfall', ingDebit('Vattenfall Klantenservice N.V.', 'Termijnbedrag'), 'energy'],
  ['Eneco', ingDebit('Eneco Consumenten B.V.', 'Termijn'), 'energy'],
  ['Essent', ingDebit('Essent Retail Energie', 'Termijn'), 'energy'],
  ['Greenchoice', ingDebit('Greenchoice', 'Termijn'), 'energy'],
  ['Budget Energie', ingDebit('Budget Energie', 'Termijn'), 'energy'],
  ['Vandebron', ingDebit('Vandebron Energie B.V.', 'Termijn'), 'energy'],
  ['Vitens', ingDebit('Vitens N.V.', 'Drinkwater'), 'energy'],
  ['Evides', ingDebit('Evides Waterbedrijf', 'Drinkwater'), 'energy'],
  ['PWN', ingDebit('PWN Waterleidingbedrijf', 'Drinkwater'), 'energy'],
  ['Dunea', ingDebit('Dunea Duin & Water', 'Drinkwater'), 'energy'],
  ['Waternet', ingDebit('Waternet', 'Drinkwater'), 'energy'],
  // Sport and pets and kids.
  ['Basic-Fit', ingDebit('Basic-Fit Nederland B.V.', 'Lidmaatschap'), 'sport'],
  ['SportCity', ingDebit('SportCity', 'Contributie'), 'sport'],
  ['Decathlon', ingCard('Decathlon Amsterdam'), 'sport'],
  ['Intersport', ingCard('Intersport Twinsport'), 'sport'],
  ['Football club contribution', ingDebit('VV Den Bosch', 'Contributie 2024'), 'sport'],
  ['Hockey club contribution', ingDebit('MHC Laren', 'Contributie seizoen 2024'), 'sport'],
  ['Pets Place', ingCard('Pets Place 123'), 'pets'],
  ['Jumper', ingCard('Jumper Dierenspeciaalzaak'), 'pets'],
  ['Zooplus', ingDebit('zooplus SE', 'Bestelling'), 'pets'],
  ['Vet is pets, not health', ingDebit('Dierenkliniek De Poort', 'Consult'), 'pets'],
  ['Intertoys', ingCard('Intertoys 123'), 'kids'],
  ['Childcare', ingDebit('Partou B.V.', 'Kinderopvang januari'), 'kids'],
];

describe('categorising real-looking bank lines', () => {
  it.each(CASES)('%s', (_label, transaction, expected) => {
    expect(categoriser.categorise(transaction).category).toBe(expected);
  });
});
