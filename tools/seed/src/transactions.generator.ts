import { atmText, cardText, fillTemplate, idealKenmerk, randomDigits, transferText } from './bank-text';
import type { Month } from './calendar';
import { monthNumber, workdayOnOrBefore, isoDate } from './calendar';
import type { BankCode, FinancePlan, PlanOverrides, RecurringItem } from './finances.generator';
import { planFinances } from './finances.generator';
import { ibanFor } from './iban';
import type { Category, Merchant } from './merchants.data';
import { CAFES } from './merchants.data';
import * as P from './payees.data';
import type { SeedCustomer } from './population.generator';
import { Prng, hashUint32 } from './prng';

/** One row of the transactions table, as a bank export would have produced it. */
export interface SeedTransaction {
  bookedOn: string;
  amountCents: number;
  counterpartyName: string;
  counterpartyIban: string | null;
  description: string;
  bankCode: BankCode;
  category: Category;
  dedupeKey: string;
}

/** A booking before it is dated and numbered; completed in place, so each booking is one object. */
type Draft = SeedTransaction & { day: number };

const storeNames = new Map<string, Map<string, string[]>>();

const SMALL_WORDS = new Set(['aan', 'den', 'op', 'de', 'der', 'van']);

/** 'BERGEN OP ZOOM' -> 'Bergen op Zoom', "'S-GRAVENHAGE" -> "'s-Gravenhage". */
export function titleCase(town: string): string {
  return town
    .toLowerCase()
    .split(' ')
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : word.replace(/^('s-)?(\p{L})/u, (_, s: string | undefined, l: string) => `${s ?? ''}${l.toUpperCase()}`)))
    .join(' ');
}

/** A chain's store in a town always has the same number, so one town's customers share stores. */
function storeName(template: string, town: string, slot: number): string {
  let byTown = storeNames.get(template);
  if (!byTown) storeNames.set(template, (byTown = new Map()));
  let slots = byTown.get(town);
  if (!slots) byTown.set(town, (slots = []));
  const cached = slots[slot];
  if (cached) return cached;
  const h = hashUint32('store', template, town, slot);
  const name = template
    .replace('{n4}', String(1000 + (h % 9000)))
    .replace('{n3}', String(100 + (h % 900)))
    .replace('{cafe}', `${CAFES[h % CAFES.length]} ${titleCase(town)}`)
    .replace('{TOWN}', town)
    .replace('{Town}', titleCase(town));
  slots[slot] = name;
  return name;
}

class MonthBuilder {
  readonly drafts: Draft[] = [];

  constructor(
    readonly rng: Prng,
    readonly plan: FinancePlan,
    readonly m: Month,
  ) {}

  private place(): { town: string; slot: number } {
    const { rng, plan } = this;
    const away = rng.chance(0.12) && plan.otherTowns.length > 0;
    return { town: away ? rng.pick(plan.otherTowns) : plan.town, slot: rng.int(0, 2) };
  }

  card(name: string, cents: number, category: Category, hours: readonly [number, number] = [8, 21], code: BankCode = 'BA'): void {
    const { rng, m, plan } = this;
    const day = rng.int(1, m.days);
    const hour = rng.int(hours[0], hours[1]);
    const { town, slot } = this.place();
    const description = code === 'GM' ? atmText(rng, plan.card, m, day, hour) : cardText(rng, plan.card, m, day, hour);
    this.drafts.push({ day, bookedOn: '', amountCents: -cents, counterpartyName: storeName(name, town, slot), counterpartyIban: null, description, bankCode: code, category, dedupeKey: '' });
  }

  ideal(name: string, reference: string, cents: number, category: Category): void {
    const { rng, m } = this;
    const day = rng.int(1, m.days);
    const text = fillTemplate(reference, { m, rng });
    const iban = ibanFor(name);
    const kenmerk = idealKenmerk(rng, m, day, rng.int(7, 23));
    this.drafts.push({ day, bookedOn: '', amountCents: -cents, counterpartyName: name, counterpartyIban: iban, description: transferText({ name, text, iban, kenmerk }, m, day), bankCode: 'ID', category, dedupeKey: '' });
  }

  transfer(code: BankCode, name: string, iban: string, text: string, cents: number, category: Category, day: number, mandate?: RecurringItem['mandate']): void {
    const kenmerk = code === 'IC' || code === 'VZ' ? randomDigits(this.rng, 16) : undefined;
    const description = transferText({ name, text, iban, ...(kenmerk ? { kenmerk } : {}), ...(mandate ? { mandate } : {}) }, this.m, day);
    this.drafts.push({ day, bookedOn: '', amountCents: cents, counterpartyName: name, counterpartyIban: iban, description, bankCode: code, category, dedupeKey: '' });
  }

  recurring(item: RecurringItem): void {
    const { rng, m } = this;
    if (item.months && !item.months.includes(m.month)) return;
    const day = item.workday ? workdayOnOrBefore(m, item.day) : Math.min(item.day, m.days);
    const cents = item.jitter ? Math.round(item.cents * Math.max(0.3, 1 + rng.normal(0, item.jitter))) : item.cents;
    const text = fillTemplate(item.text, { m, rng, ...(item.member ? { member: item.member } : {}) });
    this.transfer(item.code, item.name, item.iban, text, cents || -1, item.category, day, item.mandate);
  }

  merchant(merchant: Merchant): void {
    const { rng, plan } = this;
    const scale = plan.spendScale * (merchant.category === 'groceries' ? plan.groceryScale : 1);
    const cents = Math.max(1, Math.round(rng.skewedCents(merchant.cents[0], merchant.cents[1]) * scale));
    if (merchant.channel === 'card') this.card(merchant.name, cents, merchant.category, merchant.hours);
    else this.ideal(merchant.name, merchant.reference ?? '', cents, merchant.category);
  }
}

/** Pharmacy, GP, dentist, hospital and the insurer's deductible: health data, never for sale. */
function healthEvents(b: MonthBuilder): void {
  const { rng, plan, m } = b;
  if (!rng.chance(plan.healthRate * 2)) return;
  const roll = rng.next();
  if (roll < 0.45) b.card(rng.pick(P.PHARMACIES), rng.skewedCents(300, 4500), 'health', [8, 19]);
  else if (roll < 0.6 && plan.insurer) {
    const iban = ibanFor(plan.insurer);
    b.transfer('IC', plan.insurer, iban, `Eigen risico ${m.year} declaratie ${randomDigits(rng, 9)}`, -rng.skewedCents(1500, 38500), 'health', rng.int(5, 25));
  } else if (roll < 0.72) {
    const name = fillTemplate(rng.pick(P.DENTISTS), { m, rng, municipality: plan.municipality });
    b.ideal(name, `Factuur ${randomDigits(rng, 7)} tandheelkundige zorg`, rng.skewedCents(4000, 35000), 'health');
  } else if (roll < 0.82) {
    b.ideal(rng.pick(P.GP_PRACTICES), `Factuur ${m.year}-${randomDigits(rng, 5)}`, rng.skewedCents(2500, 9000), 'health');
  } else if (roll < 0.94) b.card(`${plan.hospital.toUpperCase()} PARKEREN`, rng.skewedCents(250, 2500), 'health', [8, 20]);
  else b.ideal(plan.hospital, `Nota ${randomDigits(rng, 9)} niet-verzekerde zorg`, rng.skewedCents(2500, 25000), 'health');
}

function pregnancyEvents(b: MonthBuilder): void {
  const { rng, plan, m } = b;
  if (plan.pregnancyFrom === null) return;
  const since = monthNumber(m) - plan.pregnancyFrom;
  if (since < 0 || since > 9 || !rng.chance(0.8)) return;
  for (let i = rng.int(1, 3); i > 0; i--) {
    const [channel, name, text, min, max] = rng.pick(P.PREGNANCY_PURCHASES);
    const cents = rng.skewedCents(min, max);
    if (channel === 'card') b.card(name, cents, 'pregnancy_baby', [9, 18]);
    else if (channel === 'ideal') b.ideal(name, text, cents, 'pregnancy_baby');
    else b.transfer('IC', name, ibanFor(name), fillTemplate(text, { m, rng }), -cents, 'pregnancy_baby', rng.int(2, 27));
  }
}

function otherEvents(b: MonthBuilder): void {
  const { rng, plan, m } = b;
  if (plan.savings && rng.chance(0.8)) {
    const iban = ibanFor('savings', plan.savings.name);
    b.transfer('GT', plan.savings.name, iban, `Naar Oranje Spaarrekening V${randomDigits(rng, 8)}`, -plan.savings.cents, 'other', rng.int(1, 28));
  }
  if (plan.freelance) {
    for (let i = rng.int(1, 3); i > 0; i--) {
      const client = rng.pick(P.FREELANCE_CLIENTS)[0];
      const name = client === 'Gemeente' ? `Gemeente ${plan.municipality}` : client;
      b.transfer('OV', name, ibanFor(name), `Factuur ${m.year}-${randomDigits(rng, 3)}`, rng.int(800, 4000) * 100, 'income', rng.int(1, m.days));
    }
  }
  if (rng.chance(plan.atmRate)) b.card('GELDMAAT {TOWN}', rng.int(2, 15) * 1000, 'other', [8, 22], 'GM');
  if (rng.chance(plan.tikkieInRate)) {
    const name = `AAB INZ TIKKIE`;
    b.transfer('OV', name, ibanFor(name), `Tikkie ID ${randomDigits(rng, 12)}, ${rng.pick(['Etentje', 'Bioscoop', 'Boodschappen', 'Weekendje weg', 'Cadeau'])}`, rng.skewedCents(500, 6000), 'other', rng.int(1, m.days));
  }
}

/** The bookings of one customer in one calendar month, ordered by date, with stable dedupe keys. */
export function generateMonth(seed: number | string, customer: SeedCustomer, plan: FinancePlan, m: Month): SeedTransaction[] {
  const rng = new Prng(seed, 'month', customer.index, m.key);
  const b = new MonthBuilder(rng, plan, m);
  for (const item of plan.recurring) b.recurring(item);
  healthEvents(b);
  pregnancyEvents(b);
  otherEvents(b);
  const target = plan.targetPerMonth + rng.int(-3, 3);
  for (let i = Math.max(4, target - b.drafts.length); i > 0; i--) b.merchant(plan.merchants.draw(rng));
  // Array sort is stable: same-day bookings keep the order they were generated in.
  const drafts = b.drafts.sort((a, z) => a.day - z.day);
  const out: SeedTransaction[] = drafts;
  for (let n = 0; n < drafts.length; n++) {
    const d = drafts[n] as Draft;
    d.bookedOn = isoDate(m, d.day);
    d.dedupeKey = `seed-${m.key}-${n < 10 ? '00' : n < 100 ? '0' : ''}${n}`;
  }
  return out;
}

/** All of a customer's bookings over the given months (each month is its own PRNG stream). */
export function generateTransactions(seed: number | string, customer: SeedCustomer, months: readonly Month[], overrides?: PlanOverrides): SeedTransaction[] {
  const plan = planFinances(seed, customer, overrides);
  return months.flatMap((m) => generateMonth(seed, customer, plan, m));
}
