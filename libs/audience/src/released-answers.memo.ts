import { budgetOwnerOf, type LegalEntity } from '@dd/privacy';

/**
 * The estimates this process has seen released, by budget owner and question key. A release is
 * written once and never changes (the ledger is append-only, and the key carries its month), so a
 * repeated question needs no database round trip once this process has seen its answer; another
 * process's release is read from the ledger once and then kept too. Bounded: the oldest go first.
 */
export function createReleasedAnswers(maxEntries = 100_000) {
  const values = new Map<string, number>();
  const keyOf = (entity: LegalEntity, key: string) => `${budgetOwnerOf(entity)}\n${key}`;
  return {
    get: (entity: LegalEntity, key: string): number | undefined => values.get(keyOf(entity, key)),
    set(entity: LegalEntity, key: string, value: number): void {
      if (values.size >= maxEntries) values.delete(values.keys().next().value as string);
      values.set(keyOf(entity, key), value);
    },
  };
}
