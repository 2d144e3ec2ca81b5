import { describe, expect, it } from 'vitest';
import { abnCard, abnOld, ingCard, ingDebit, raboCard, raboIdeal } from './bank-lines.fixtures';
import { CATEGORISATION_RULES } from './categorisation-rules.data';
import { createCategoriser, type TransactionToCategorise } from './categoriser';
import { isSellable, type CategoryCode } from './category.catalogue';

const categoriser = createCategoriser();

/**
 * Lines that look sensitive to a naive word match but are ordinary shopping: an address, a town, a
 * cheese, a market stall, a vet. The broad restricted rules must leave them in their sellable
 * category, or the rules would be hiding half a statement.
 */
const SELLABLE_LOOKALIKES: [string, TransactionToCategorise, CategoryCode][] = [
  // "Kerk" in addresses, names and towns.
  ['Albert Heijn on the Kerkstraat', abnCard('Albert Heijn Kerkstraat'), 'groceries'],
  ['bakery on the Kerkstraat', ingCard('Bakkerij Kerkstraat'), 'groceries'],
  ['hairdresser on the Kerkplein', ingCard('Kapsalon Kerkplein'), 'drugstore'],
  ['café De Kerkuil (a barn owl)', ingCard('Eetcafe De Kerkuil'), 'dining'],
  ['butcher called Van de Kerkhof', raboCard('Slagerij Van de Kerkhof'), 'groceries'],
  ['Jumbo in Kerkrade', abnOld('Jumbo Kerkrade'), 'groceries'],
  ['Albert Heijn in Kerkdriel', ingCard('Albert Heijn 1234 Kerkdriel'), 'groceries'],
  ['ramen bar on the Kerkplein', ingCard('Ramen Bar Kerkplein'), 'dining'],
  ['communication agency is not communion', ingDebit('Communicatiebureau De Brug', 'Factuur drukwerk'), 'other'],
  // "Baby", "kraam", "hoor", "plein" and friends in harmless places.
  ['Babybel cheese at Albert Heijn', ingDebit('Albert Heijn', 'Bestelling Babybel en brood'), 'groceries'],
  ['Babysits is babysitting, not a baby product', ingDebit('Babysits', 'Premium abonnement'), 'other'],
  ['restaurant Babylon', ingCard('Restaurant Babylon'), 'dining'],
  ['a market stall ("kraam") rented for a fair', ingDebit('Stichting Jaarmarkt Delft', 'Kraamhuur zaterdagmarkt'), 'other'],
  ['a bakery in Hoorn', ingCard('Bakkerij Hoorn'), 'groceries'],
  ['Albert Heijn in Hoorn', abnOld('Albert Heijn Hoorn'), 'groceries'],
  ['a car park on a square', ingCard('Parkeergarage Plein'), 'mobility'],
  ['a café on a square', ingCard('Cafe Het Plein'), 'dining'],
  ['Meubelplein is furniture', ingCard('Meubelplein Leiderdorp'), 'home'],
  ['a snack bar called Hippe', ingCard('Snackbar De Hippe Hap'), 'dining'],
  ['birthday cards at Kaartje2go', ingDebit('Kaartje2go', 'Verjaardagskaarten'), 'other'],
  // Vets and pet pharmacies are animal care.
  ['Medpets', ingCard('MedPets'), 'pets'],
  ['vet sterilising a cat', ingDebit('Dierenkliniek Kerkstraat', 'Sterilisatie poes'), 'pets'],
  ['pet pharmacy', ingDebit('Dierenapotheek.nl', 'Bestelling 5512'), 'pets'],
  // Drugstores selling ordinary care products stay drugstore.
  ['Kruidvat shampoo', ingDebit('Kruidvat', 'Bestelling shampoo en tandpasta'), 'drugstore'],
  ['Etos sun cream', ingDebit('Etos', 'Zonnebrand SPF30'), 'drugstore'],
  ['Holland & Barrett', ingCard('Holland & Barrett Utrecht'), 'drugstore'],
  ['De Online Drogist', ingDebit('De Online Drogist', 'Bestelling 12345'), 'drugstore'],
  ['Rituals', ingCard('Rituals Amsterdam'), 'drugstore'],
  ['Douglas', abnCard('Douglas 123'), 'drugstore'],
  ['Kruidvat card payment', ingCard('Kruidvat 7788 Utrecht'), 'drugstore'],
  ['Etos card payment', abnOld('Etos 123'), 'drugstore'],
  ['a barber', ingCard('Barbershop Mo'), 'drugstore'],
  // Supermarkets and everyday shops without sensitive content.
  ['Albert Heijn groceries', ingDebit('Albert Heijn', 'Bestelling melk en brood'), 'groceries'],
  ['Picnic yoghurt', ingDebit('Picnic B.V.', 'Bestelling yoghurt'), 'groceries'],
  ['Jumbo card payment', raboCard('Jumbo Amersfoort'), 'groceries'],
  ['Lidl card payment', abnCard('LIDL 0234'), 'groceries'],
  ['HEMA', ingCard('HEMA 123 Utrecht'), 'home'],
  ['Action', abnCard('Action 1234'), 'home'],
  ['IKEA cupboard', ingDebit('IKEA B.V.', 'Kast Billy'), 'home'],
  ['Zeeman', ingCard('Zeeman 123'), 'fashion'],
  ['Zalando dress', ingDebit('Zalando SE', 'Bestelling jurk'), 'fashion'],
  ['bol.com Lego stays a marketplace order', ingDebit('bol.com b.v.', 'Bestelnummer 123 Lego'), 'other'],
  ['Coolblue laptop', ingDebit('Coolblue B.V.', 'Bestelling laptop'), 'electronics'],
  // Children: sellable for toys, school and activities of older children.
  ['Intertoys', ingCard('Intertoys 123'), 'kids'],
  ['Bart Smit Lego', ingDebit('Bart Smit', 'Lego Technic'), 'kids'],
  ['parental contribution at a primary school', ingDebit('Basisschool De Regenboog', 'Ouderbijdrage 2024'), 'kids'],
  ['school trip', ingDebit('OBS De Sterrenkijker', 'Schoolreis groep 7'), 'kids'],
  ['school camp', ingDebit('CBS Het Kompas', 'Schoolkamp groep 8'), 'kids'],
  ['tutoring', ingDebit('Lyceo', 'Bijles wiskunde'), 'kids'],
  ['indoor playground', ingCard('Monkey Town Utrecht'), 'kids'],
  ['birthday party at Ballorig', ingDebit('Ballorig', 'Kinderfeest 6 kinderen'), 'kids'],
  ['swimming lessons', ingDebit('Zwemschool De Dolfijn', 'Zwemles diploma B'), 'kids'],
  ['school books', raboIdeal('Van Dijk Educatie', 'Schoolboeken leerjaar 2'), 'kids'],
  // Sport, leisure and dining that share words with care or belief.
  ['yoga class', ingDebit('Yoga Studio Zuid', '10-rittenkaart'), 'sport'],
  ['gym', ingDebit('Basic-Fit Nederland B.V.', 'Lidmaatschap'), 'sport'],
  ['SP sports school', ingDebit('SP Sportschool Noord', 'Maandabonnement'), 'sport'],
  ['Pathé', ingDebit('Pathé', 'Tickets'), 'leisure'],
  ['Bruna', ingCard('Bruna 123'), 'leisure'],
  ['Efteling', ingDebit('Efteling B.V.', 'Tickets'), 'leisure'],
  ['pizzeria', ingCard('Pizzeria Da Marco'), 'dining'],
  ['FEBO', ingCard('FEBO Amsterdam'), 'dining'],
  ['Sunweb holiday', ingDebit('Sunweb Group', 'Boeking 123 Turkije'), 'travel'],
];

/** Restricted lines that must keep their internal category: still never sold, but labelled right. */
const INTERNAL_LOOKALIKES: [string, TransactionToCategorise, CategoryCode][] = [
  ['childcare allowance is a benefit', { counterpartyName: 'Belastingdienst/Toeslagen', description: 'Kinderopvangtoeslag maart', amountCents: 45_000 }, 'benefits'],
  ['reclaimed childcare allowance is a benefit', { counterpartyName: 'Belastingdienst/Toeslagen', description: 'Terugvordering toeslag kinderopvang 2023', amountCents: -12_000 }, 'benefits'],
  ['salary from a childcare organisation is income', { counterpartyName: 'Stichting Kinderopvang Nederland', description: 'Salaris maart', amountCents: 240_000 }, 'income'],
  ['a donation to Soa Aids Nederland is a charity', ingDebit('Soa Aids Nederland', 'Maandelijkse donatie'), 'charity'],
];

describe('sellable look-alikes stay sellable', () => {
  it.each(SELLABLE_LOOKALIKES)('%s', (_label, transaction, expected) => {
    const result = categoriser.categorise(transaction);
    expect(result.category).toBe(expected);
    expect(isSellable(result.category)).toBe(true);
    expect(result.special).toBe(false);
  });

  it.each(INTERNAL_LOOKALIKES)('%s', (_label, transaction, expected) => {
    expect(categoriser.categorise(transaction).category).toBe(expected);
  });
});

describe('the sellable children category', () => {
  // Anything that dates a pregnancy or a birth; none of it may ever be sold as "kids".
  const infantOrPregnancy = [
    'kinderopvang', 'kinderdagverblijf', 'buitenschoolse opvang', 'bso', 'peuterspeelzaal', 'gastouder', 'partou', 'kinderrijk',
    'babykleding', 'babyspeelgoed', 'luiers', 'pampers', 'nutrilon', 'zuigelingenvoeding', 'flesvoeding', 'kinderwagen',
    'zwangerschapstest', 'ovulatietest', 'kraamzorg', 'prenatal',
  ];

  it('has no rule that matches an infant, pregnancy or day-care word', () => {
    const kidsRules = CATEGORISATION_RULES.filter((rule) => rule.category === 'kids');
    expect(kidsRules.length).toBeGreaterThan(0);
    for (const rule of kidsRules) {
      const regex = new RegExp(rule.pattern, 'i');
      expect(infantOrPregnancy.filter((word) => regex.test(word))).toEqual([]);
    }
  });

  it('never receives such a payment, even at a toy shop', () => {
    for (const word of infantOrPregnancy) {
      const result = categoriser.categorise(ingDebit('Intertoys', `Bestelling 8812 ${word}`));
      expect(result.special, word).toBe(true);
    }
  });
});
