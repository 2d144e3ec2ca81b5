import type { SegmentNode } from '@dd/contract';
import { canonicalKey, describeSegment, validateSegment, type SegmentLocale } from '@dd/segments';

/** What the estimate needs of a segment as sent: validated tree, consent categories, canonical key, descriptions. */
export interface SegmentQuestion {
  tree: SegmentNode;
  categories: string[];
  canonicalKey: string;
  describe(locale: SegmentLocale): string;
}

/**
 * The live builder asks about the same few trees over and over. Validation, the canonical key and
 * the description are pure functions of the tree as sent (the catalogue is code), so they are
 * computed once per distinct input and kept, up to `maxEntries` (the oldest go first). A refused
 * segment is not kept: it throws each time, as before. Callers must not modify the returned tree.
 */
export function createSegmentQuestionMemo(maxEntries = 5_000) {
  const known = new Map<string, SegmentQuestion>();
  return {
    question(segment: unknown): SegmentQuestion {
      const input = JSON.stringify(segment);
      const hit = input === undefined ? undefined : known.get(input);
      if (hit) return hit;
      const { tree, categories } = validateSegment(segment);
      const descriptions = new Map<SegmentLocale, string>();
      const question: SegmentQuestion = {
        tree,
        categories,
        canonicalKey: canonicalKey(tree),
        describe(locale) {
          let text = descriptions.get(locale);
          if (text === undefined) descriptions.set(locale, (text = describeSegment(tree, locale)));
          return text;
        },
      };
      if (input !== undefined) {
        if (known.size >= maxEntries) known.delete(known.keys().next().value as string);
        known.set(input, question);
      }
      return question;
    },
  };
}
