/** How the index names its bitsets: one key per feature value, consent cell and derived set. */
export const MAX_SPEND_BAND = 5;

export const listKey = (field: string, value: string) => `${field}\u0000${value}`;
export const spendKey = (category: string, band: number) => `spend\u0000${category}\u0000${band}`;
export const consentKey = (category: string, purpose: string) => `${category}\u0000${purpose}`;
export const atLeastKey = (category: string, band: number) => `atLeast\u0000${category}\u0000${band}`;
export const valuedKey = (field: string) => `valued\u0000${field}`;

/** Fields a member has at most one value of: a long list of them is cheaper read as "has one, minus the others". */
export const SINGLE_VALUED_FIELDS = ['ageBand', 'province', 'municipality', 'householdBand'] as const;
export const SINGLE_VALUED: ReadonlySet<string> = new Set(SINGLE_VALUED_FIELDS);
export const VALUED_KEYS = Object.fromEntries(SINGLE_VALUED_FIELDS.map((field) => [field, valuedKey(field)])) as Record<
  (typeof SINGLE_VALUED_FIELDS)[number],
  string
>;

/**
 * Keys made once and reused: a build applies a million members, and building each key string anew
 * (and hashing it for the map) was most of the time a build spent in the index.
 */
export class FeatureKeys {
  private readonly lists = new Map<string, Map<string, string>>();
  private readonly spends = new Map<string, { band: string[]; atLeast: string[] }>();

  list(field: string, value: string): string {
    let keys = this.lists.get(field);
    if (!keys) this.lists.set(field, (keys = new Map()));
    let key = keys.get(value);
    if (key === undefined) keys.set(value, (key = listKey(field, value)));
    return key;
  }

  /** The keys of the category's band bitsets and band-or-higher bitsets, indexed by band. */
  spend(category: string): { band: string[]; atLeast: string[] } {
    let keys = this.spends.get(category);
    if (!keys) {
      const bands = Array.from({ length: MAX_SPEND_BAND + 1 }, (_, band) => band);
      keys = { band: bands.map((band) => spendKey(category, band)), atLeast: bands.map((band) => atLeastKey(category, band)) };
      this.spends.set(category, keys);
    }
    return keys;
  }
}
