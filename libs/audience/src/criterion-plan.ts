import type { SegmentPredicate } from '@dd/contract';
import type { Bits } from './bitset';
import type { Plan } from './block-evaluator';
import { atLeastKey, listKey, MAX_SPEND_BAND, SINGLE_VALUED, spendKey, valuedKey } from './feature-keys';

/**
 * Turns one criterion into the fewest passes over stored bitsets: the union of its values' bitsets,
 * or, when that is longer, "band ≥ min minus band ≥ max + 1" for spend and "has a value minus the
 * values not asked for" for a single-valued field. A missing value has no bitset (nobody has it).
 * Reads the index's maps as they are at planning time.
 */
export class CriterionPlanner {
  /** The stored values of each list field, re-read when a feature bitset is added (they are never removed). */
  private listValues = { features: -1, byField: new Map<string, string[]>() };

  constructor(
    private readonly features: ReadonlyMap<string, Bits>,
    private readonly derived: ReadonlyMap<string, Bits>,
  ) {}

  plan(predicate: SegmentPredicate): Plan {
    const found: Bits[] = [];
    if (predicate.field === 'spend') {
      const { category } = predicate;
      const [low, high] = [Math.max(predicate.min, 1), Math.min(predicate.max, MAX_SPEND_BAND)];
      for (let band = low; band <= high; band++) {
        const bits = this.features.get(spendKey(category, band));
        if (bits) found.push(bits);
      }
      const from = this.derived.get(atLeastKey(category, low));
      const above = high < MAX_SPEND_BAND ? this.derived.get(atLeastKey(category, high + 1)) : undefined;
      if (from && found.length > (above ? 2 : 1)) return { kind: 'sets', sets: [from], minus: above ? [above] : [] };
      return { kind: 'sets', sets: found };
    }
    const wanted = new Set(predicate.in);
    for (const value of wanted) {
      const bits = this.features.get(listKey(predicate.field, value));
      if (bits) found.push(bits);
    }
    const valued = SINGLE_VALUED.has(predicate.field) ? this.derived.get(valuedKey(predicate.field)) : undefined;
    if (valued) {
      const others = this.valuesOf(predicate.field).filter((value) => !wanted.has(value));
      if (1 + others.length < found.length) {
        return { kind: 'sets', sets: [valued], minus: others.map((value) => this.features.get(listKey(predicate.field, value))!) };
      }
    }
    return { kind: 'sets', sets: found };
  }

  private valuesOf(field: string): string[] {
    if (this.listValues.features !== this.features.size) {
      const byField = new Map<string, string[]>();
      for (const key of this.features.keys()) {
        const [keyField, value] = key.split('\u0000') as [string, string];
        if (keyField === 'spend') continue;
        let values = byField.get(keyField);
        if (!values) byField.set(keyField, (values = []));
        values.push(value);
      }
      this.listValues = { features: this.features.size, byField };
    }
    return this.listValues.byField.get(field) ?? [];
  }
}
