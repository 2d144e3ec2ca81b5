import type { CardDetails } from './bank-text';
import { randomDigits } from './bank-text';
import { monthNumber } from './calendar';
import { PROVINCES, terminalTown } from './dutch-regions.data';
import { creditorId, ibanFor } from './iban';
import type { Category, Merchant } from './merchants.data';
import { CATEGORY_SHARES, INTEREST_CATEGORY_BOOST, MERCHANTS } from './merchants.data';
import * as P from './payees.data';
import { POPULATION_YEAR, type Interest, type SeedCustomer } from './population.generator';
import { Prng, WeightedTable, hashUint32 } from './prng';

/** ING transaction codes: card, iDEAL, direct debit, transfer, online banking, batch payment, ATM. */
export type BankCode = 'BA' | 'ID' | 'IC' | 'OV' | 'GT' | 'VZ' | 'GM';
export type Stage = 'minor' | 'student' | 'adult' | 'retired';

/** A booking that comes back every month (or in the listed calendar months). */
export interface RecurringItem {
  code: BankCode;
  category: Category;
  name: string;
  iban: string;
  /** Signed: income positive, payments negative. */
  cents: number;
  /** Relative spread per month (0 = the same amount every time). */
  jitter: number;
  day: number;
  workday?: boolean;
  months?: readonly number[];
  text: string;
  member?: string;
  mandate?: { id: string; creditorId: string };
}

export interface FinancePlan {
  stage: Stage;
  municipality: string;
  town: string;
  otherTowns: readonly string[];
  card: CardDetails;
  carOwner: boolean;
  recurring: RecurringItem[];
  merchants: WeightedTable<Merchant>;
  /** Multiplies free-spending amounts: a teenager's groceries are not a family's. */
  spendScale: number;
  groceryScale: number;
  targetPerMonth: number;
  healthRate: number;
  insurer: string | null;
  hospital: string;
  /** Month number (see monthNumber) the pregnancy became visible in spending, or null. */
  pregnancyFrom: number | null;
  savings: { name: string; cents: number } | null;
  freelance: boolean;
  atmRate: number;
  tikkieInRate: number;
}

/** Flags the demo customer fixes, so the demo always shows the categories that are never sold. */
export interface PlanOverrides {
  union?: boolean;
  party?: boolean;
  religion?: boolean;
  pregnancy?: boolean;
}

const tables = new Map<P.Weighted, WeightedTable<string>>();
function draw(rng: Prng, list: P.Weighted): string {
  let table = tables.get(list);
  if (!table) tables.set(list, (table = new WeightedTable(list)));
  return table.draw(rng);
}
const drawTriple = <T extends readonly [string, string, number, ...unknown[]]>(rng: Prng, list: readonly T[]): T =>
  new WeightedTable(list.map((entry) => [entry, entry[2]] as const)).draw(rng);

const euros = (rng: Prng, min: number, max: number) => rng.int(min * 100, max * 100);

function collector(name: string, rng: Prng): { iban: string; mandate: { id: string; creditorId: string } } {
  const kvk = String(10_000_000 + (hashUint32('kvk', name) % 89_999_999));
  return { iban: ibanFor(name), mandate: { id: randomDigits(rng, 8), creditorId: creditorId(kvk) } };
}

function debit(rng: Prng, name: string, category: Category, cents: number, text: string, extra: Partial<RecurringItem> = {}): RecurringItem {
  const { iban, mandate } = collector(name, rng);
  return { code: 'IC', category, name, iban, cents: -cents, jitter: 0, day: rng.int(1, 28), text, member: randomDigits(rng, 7), mandate, ...extra };
}

/** A standing order the customer set up: rent, a monthly gift. */
function standingOrder(rng: Prng, name: string, category: Category, cents: number, text: string, extra: Partial<RecurringItem> = {}): RecurringItem {
  return { code: 'OV', category, name, iban: ibanFor(name), cents: -cents, jitter: 0, day: 1, text, member: randomDigits(rng, 8), ...extra };
}

/** "J. de Vries": how a relative's account name shows on a transfer. */
function relativeName(rng: Prng, c: SeedCustomer): string {
  return `${rng.pick(['J', 'M', 'A', 'P', 'S', 'H', 'C'])}. ${c.displayName.split(' ').slice(1).join(' ')}`;
}

function incoming(rng: Prng, code: BankCode, name: string, cents: number, text: string, extra: Partial<RecurringItem> = {}): RecurringItem {
  return { code, category: 'income', name, iban: ibanFor(name), cents, jitter: 0, day: 25, workday: true, text, member: randomDigits(rng, 6), ...extra };
}

function stageOf(rng: Prng, age: number): Stage {
  if (age < 18) return 'minor';
  if (age >= 67) return 'retired';
  if (age <= 24 && rng.chance(0.55)) return 'student';
  return 'adult';
}

function incomeItems(rng: Prng, c: SeedCustomer, stage: Stage, age: number): { items: RecurringItem[]; monthly: number; freelance: boolean } {
  const items: RecurringItem[] = [];
  const town = c.municipality;
  if (stage === 'minor') {
    items.push(incoming(rng, 'OV', relativeName(rng, c), euros(rng, 15, 60), 'Zakgeld {maand}', { day: 1, workday: false }));
    if (rng.chance(0.6)) items.push(incoming(rng, 'VZ', draw(rng, P.SIDE_JOB_EMPLOYERS), euros(rng, 80, 450), 'Salaris {maand} {jaar}', { jitter: 0.35, day: 20 }));
    return { items, monthly: 200, freelance: false };
  }
  if (stage === 'student') {
    items.push(incoming(rng, 'VZ', 'DUO', euros(rng, 300, 1150), 'Studiefinanciering {maand} {jaar}', { day: 24 }));
    if (rng.chance(0.7)) items.push(incoming(rng, 'VZ', draw(rng, P.SIDE_JOB_EMPLOYERS), euros(rng, 250, 900), 'Salaris {maand} {jaar}', { jitter: 0.3, day: 20 }));
    return { items, monthly: 1200, freelance: false };
  }
  if (stage === 'retired') {
    const aow = c.householdSize === 1 ? euros(rng, 1520, 1600) : euros(rng, 1040, 1110);
    items.push(incoming(rng, 'VZ', 'SVB', aow, 'AOW {maand} {jaar}', { day: 23 }));
    const pension = rng.chance(0.85) ? euros(rng, 150, 1900) : 0;
    if (pension) items.push(incoming(rng, 'VZ', draw(rng, P.PENSION_FUNDS), pension, 'Pensioen {maand} {jaar}', { day: rng.int(20, 27) }));
    return { items, monthly: aow + pension / 100, freelance: false };
  }
  const mean = age < 25 ? 1900 : age < 35 ? 2700 : age < 50 ? 3300 : 3400;
  const salary = Math.round(Math.min(8000, Math.max(1500, rng.normal(mean, mean * 0.25))) * 100);
  const roll = rng.next();
  if (roll < 0.04) {
    items.push(incoming(rng, 'VZ', 'UWV', euros(rng, 1300, 2300), 'WW-uitkering {maand} {jaar}', { day: 8 }));
    return { items, monthly: 1800, freelance: false };
  }
  if (roll < 0.06) {
    items.push(incoming(rng, 'VZ', `Gemeente ${town}`, euros(rng, 1100, 1450), 'Participatiewet uitkering {maand} {jaar}', { day: 26 }));
    return { items, monthly: 1300, freelance: false };
  }
  if (roll < 0.1 && c.householdSize > 1) {
    items.push(incoming(rng, 'OV', relativeName(rng, c), euros(rng, 600, 1400), 'Huishoudgeld {maand}', { day: 1, workday: false }));
    return { items, monthly: 1000, freelance: false };
  }
  if (roll < 0.19) return { items, monthly: salary / 100, freelance: true };
  const employer = draw(rng, P.EMPLOYERS);
  const name = employer === 'Gemeente' ? `Gemeente ${town}` : employer === 'Stichting Openbaar Onderwijs' ? `${employer} ${town}` : employer;
  items.push(incoming(rng, 'VZ', name, salary, 'Salaris {maand} {jaar} personeelsnr {member}', { day: rng.pick([21, 23, 24, 25, 25, 26, 28]) }));
  items.push(incoming(rng, 'VZ', name, Math.round(salary * 0.95), 'Vakantiegeld {jaar}', { months: [5], day: 24 }));
  if (rng.chance(0.4)) items.push(incoming(rng, 'VZ', name, Math.round(salary * 0.85), 'Eindejaarsuitkering {jaar}', { months: [12], day: 20 }));
  return { items, monthly: salary / 100, freelance: false };
}

function housingItems(rng: Prng, c: SeedCustomer, stage: Stage, age: number, income: number): { items: RecurringItem[]; head: boolean; owner: boolean } {
  const items: RecurringItem[] = [];
  const withParents = stage === 'minor' || (age < 28 && c.householdSize >= 3 && rng.chance(stage === 'student' ? 0.45 : 0.55));
  if (withParents) return { items, head: false, owner: false };
  if (stage === 'student') {
    items.push(standingOrder(rng, draw(rng, P.STUDENT_LANDLORDS), 'housing', euros(rng, 350, 750), 'Kamerhuur {maand} {jaar} huurcontract {member}'));
  } else {
    const ownerChance = age < 25 ? 0.03 : age < 35 ? 0.4 : age < 55 ? 0.65 : age < 75 ? 0.7 : 0.5;
    if (rng.chance(ownerChance * (income > 2500 ? 1.2 : 0.7))) {
      const lender = draw(rng, P.MORTGAGE_LENDERS);
      items.push(debit(rng, lender, 'housing', euros(rng, 650, 2300), 'Hypotheek termijn {maand} {jaar} leningnr {member}', { day: rng.int(1, 3) }));
      return { items: items.concat(householdItems(rng, c, true)), head: true, owner: true };
    }
    const social = income < 3200 && rng.chance(0.65);
    const name = draw(rng, social ? P.SOCIAL_LANDLORDS : P.PRIVATE_LANDLORDS);
    items.push(standingOrder(rng, name, 'housing', social ? euros(rng, 550, 950) : euros(rng, 1000, 1950), 'Huur {maand} {jaar} contractnr {member}'));
    if (social && income < 2300) items.push(incoming(rng, 'VZ', 'Belastingdienst/Toeslagen', euros(rng, 150, 380), 'Huurtoeslag {maand} {jaar}', { day: 20 }));
  }
  return { items: items.concat(stage === 'student' ? [] : householdItems(rng, c, false)), head: true, owner: false };
}

/** The costs of running a home: energy, water, municipal tax, internet, contents insurance. */
function householdItems(rng: Prng, c: SeedCustomer, owner: boolean): RecurringItem[] {
  const energy = Math.round((85 + 28 * c.householdSize) * (owner ? 1.2 : 1) * (0.8 + rng.next() * 0.45) * 100);
  const province = c.province;
  return [
    debit(rng, draw(rng, P.ENERGY_SUPPLIERS), 'energy', energy, 'Termijnbedrag {maand} {jaar} klantnr {member}', { day: rng.int(5, 20) }),
    // Drinking water is a utility like energy, and municipal tax is a tax: neither is "Huur en hypotheek".
    debit(rng, P.WATER_BY_PROVINCE[province] ?? 'Vitens N.V.', 'energy', euros(rng, 14, 32), 'Voorschot drinkwater {maand} {jaar} klantnr {member}'),
    debit(rng, `Gemeente ${c.municipality}`, 'taxes', euros(rng, 45, 120), 'Gemeentelijke belastingen {jaar} termijn {mm} aanslagnr {member}', { months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], day: 28 }),
    debit(rng, draw(rng, P.INTERNET_PROVIDERS), 'telecom', euros(rng, 45, 85), 'Factuur {maand} {jaar} klantnr {member}'),
    debit(rng, draw(rng, P.INSURERS), 'other', euros(rng, 12, 40), 'Premie woonverzekering {maand} {jaar} polisnr {member}'),
  ];
}

const merchantWeightPerCategory = new Map<Category, number>();
for (const m of MERCHANTS) merchantWeightPerCategory.set(m.category, (merchantWeightPerCategory.get(m.category) ?? 0) + m.weight);

const STAGE_CATEGORY_BOOST: Partial<Record<Stage, Partial<Record<Category, number>>>> = {
  minor: { groceries: 0.5, dining: 1.6, fashion: 1.5, leisure: 1.5, home: 0.3, travel: 0.2, electronics: 0.7 },
  student: { groceries: 0.9, dining: 1.4, home: 0.6, travel: 0.8 },
  retired: { dining: 0.7, fashion: 0.6, electronics: 0.6, home: 1.2, travel: 1.3, groceries: 1.1 },
};

/** Where this customer spends at will: category shares, bent by life stage, interests and having a car. */
function merchantTable(stage: Stage, carOwner: boolean, interests: readonly Interest[]): WeightedTable<Merchant> {
  return new WeightedTable(
    MERCHANTS.map((m) => {
      let w = (m.weight / (merchantWeightPerCategory.get(m.category) ?? 1)) * (CATEGORY_SHARES[m.category] ?? 1);
      w *= STAGE_CATEGORY_BOOST[stage]?.[m.category] ?? 1;
      for (const interest of interests) w *= INTEREST_CATEGORY_BOOST[interest]?.[m.category] ?? 1;
      if (m.boost && interests.includes(m.boost)) w *= 3;
      if (m.audience === 'car' && !carOwner) w = 0;
      if (m.audience === 'noCar' && carOwner) w *= 0.25;
      return [m, w] as const;
    }),
  );
}

function subscriptionChance(name: string, stage: Stage, age: number, carOwner: boolean): number {
  switch (name) {
    case 'Spotify AB':
      return age < 40 ? 0.45 : 0.15;
    case 'Netflix International B.V.':
      return 0.35;
    case 'Swapfiets':
      return stage === 'student' ? 0.3 : 0;
    case 'ANWB B.V.':
      return carOwner ? 0.3 : 0;
    default:
      return 0.06;
  }
}

/** Union, party and religious community: special-category payees, at roughly Dutch membership rates. */
function memberships(rng: Prng, c: SeedCustomer, stage: Stage, age: number, employed: boolean, overrides: PlanOverrides): RecurringItem[] {
  const items: RecurringItem[] = [];
  const adult = stage !== 'minor';
  if (overrides.union ?? (employed && rng.chance(age > 45 ? 0.22 : 0.12))) {
    const [name, text] = drawTriple(rng, P.TRADE_UNIONS);
    items.push(debit(rng, name, 'trade_union', euros(rng, 14, 24), text));
  }
  if (overrides.party ?? (adult && rng.chance(0.04))) {
    const [name, text] = drawTriple(rng, P.POLITICAL_PARTIES);
    items.push(debit(rng, name, 'politics', euros(rng, 3, 9), text));
  }
  // Catholic parishes are far more common below the rivers.
  const south = c.province === 'Limburg' || c.province === 'Noord-Brabant';
  if (overrides.religion ?? (adult && rng.chance(stage === 'retired' ? 0.22 : stage === 'student' ? 0.04 : 0.1))) {
    const communities = P.RELIGIOUS_COMMUNITIES.map((r) => [r[0], r[1], r[2] * (r[3] && south ? 4 : 1)] as const);
    const [template, text] = drawTriple(rng, communities);
    const name = template.replace('{Town}', c.municipality);
    items.push(standingOrder(rng, name, 'religion', euros(rng, 10, 60), text, { code: rng.chance(0.7) ? 'OV' : 'GT', day: rng.int(1, 10) }));
  }
  return items;
}

/** Everything about a customer's money that stays the same from month to month. */
export function planFinances(seed: number | string, c: SeedCustomer, overrides: PlanOverrides = {}): FinancePlan {
  const rng = new Prng(seed, 'plan', c.index);
  const age = POPULATION_YEAR - c.birthYear;
  const stage = stageOf(rng, age);
  const income = incomeItems(rng, c, stage, age);
  const housing = housingItems(rng, c, stage, age, income.monthly);
  const adult = stage !== 'minor';
  const carOwner = adult && stage !== 'student' && rng.chance(housing.owner ? 0.85 : 0.45);
  const recurring = [...income.items, ...housing.items];
  const insurer = adult ? draw(rng, P.HEALTH_INSURERS) : null;
  if (insurer) recurring.push(debit(rng, insurer, 'health', euros(rng, 138, 185), 'Premie zorgverzekering {maand} {jaar} relatienr {member}', { day: 1 }));
  if (stage !== 'minor' || rng.chance(0.5)) recurring.push(debit(rng, draw(rng, P.MOBILE_PROVIDERS), 'telecom', euros(rng, 8, 35), 'Abonnement {maand} {jaar} klantnr {member}'));
  if (carOwner) recurring.push(debit(rng, draw(rng, P.INSURERS), 'other', euros(rng, 35, 120), 'Autoverzekering {maand} {jaar} polis {member}'));
  if (housing.head && age >= 25 && age <= 60 && c.householdSize >= 3) {
    const children = Math.min(4, c.householdSize - 2);
    recurring.push(incoming(rng, 'VZ', 'SVB', children * 29_100, 'Kinderbijslag kwartaal {jaar}', { months: [1, 4, 7, 10], day: 3 }));
  }
  if (adult && income.monthly < 2300) recurring.push(incoming(rng, 'VZ', 'Belastingdienst/Toeslagen', euros(rng, 95, 131), 'Zorgtoeslag {maand} {jaar}', { day: 20 }));
  for (const [name, text, cents, category, interest] of P.SUBSCRIPTIONS) {
    const chance = subscriptionChance(name, stage, age, carOwner) + (interest && c.interests.includes(interest as Interest) ? 0.45 : 0);
    if (rng.chance(chance)) recurring.push(debit(rng, name, category, cents, text));
  }
  const employed = stage === 'adult' && income.items.some((i) => i.text.startsWith('Salaris'));
  recurring.push(...memberships(rng, c, stage, age, employed, overrides));
  const province = PROVINCES.find((p) => p.name === c.province);
  const pregnant = overrides.pregnancy ?? (adult && age >= 22 && age <= 42 && rng.chance(0.07));
  return {
    stage,
    municipality: c.municipality,
    town: terminalTown(c.municipality),
    otherTowns: (province?.municipalities ?? []).map(([name]) => terminalTown(name)),
    card: { style: rng.chance(0.7) ? 'modern' : 'classic', cardSequence: String(rng.int(1, 30)).padStart(3, '0'), wallet: rng.pick(['', '', 'Apple Pay', 'Google Pay'] as const) },
    carOwner,
    recurring,
    merchants: merchantTable(stage, carOwner, c.interests),
    spendScale: stage === 'minor' ? 0.45 : stage === 'student' ? 0.7 : stage === 'retired' ? 0.9 : 1,
    groceryScale: housing.head ? 1 + 0.25 * (c.householdSize - 1) : 0.5,
    targetPerMonth: stage === 'minor' ? rng.int(28, 45) : rng.int(32, 58),
    healthRate: adult ? 0.08 + Math.max(0, age - 40) * 0.004 : 0.04,
    insurer,
    hospital: rng.pick(P.HOSPITALS_BY_PROVINCE[c.province] ?? ['Ziekenhuis']),
    pregnancyFrom: pregnant ? monthNumber({ year: POPULATION_YEAR - 1, month: 11 }) + rng.int(0, 10) : null,
    savings: adult && rng.chance(0.4) ? { name: c.displayName, cents: euros(rng, 25, 500) } : null,
    freelance: income.freelance,
    atmRate: stage === 'retired' ? 0.8 : 0.3,
    tikkieInRate: stage === 'student' || age < 35 ? 0.5 : 0.15,
  };
}
