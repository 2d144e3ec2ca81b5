import type { CategoryDto, IndustryDto, LocalisedTextDto, OptionDto, ReferenceData } from '@dd/contract';

export type CategoryKind = CategoryDto['kind'];

/** Reference data for one language: labels by code, and the lists the pages show. */
export interface ReferenceLabels {
  category(code: string): string;
  categoryDescription(code: string): string;
  categoryKind(code: string): CategoryKind | undefined;
  /** Health, religion, politics, trade unions, sexual life, pregnancy/baby and childcare: shown to you, never shared. */
  isNeverShared(code: string): boolean;
  industry(code: string): string;
  interest(code: string): string;
  province(code: string): string;
  /** Every spending category, grouped by kind (sellable first), in catalogue order within a kind. */
  categories: readonly CategoryDto[];
  sellableCategories: readonly CategoryDto[];
  /** The profile facts a customer can consent to (age band, region, …); never a transaction's category. */
  profileCategories: readonly CategoryDto[];
  /** Sensitive industries (gambling, credit, …) first, then the rest, each in catalogue order. */
  industries: readonly IndustryDto[];
  interests: readonly OptionDto[];
}

/** The kinds a transaction can have; profile facts are consent categories only. */
const KIND_ORDER: readonly CategoryKind[] = ['sellable', 'special', 'protected_life_event', 'internal'];

/** Picks the text for the language; a code nobody knows (newer than this page) is shown as is. */
export function referenceLabels(data: ReferenceData, language: string): ReferenceLabels {
  const pick = (text: LocalisedTextDto) => (language === 'en' ? text.en : text.nl);
  const byCode = <T extends { code: string }>(items: readonly T[]) => new Map(items.map((item) => [item.code, item]));
  const categories = byCode(data.categories);
  const industries = byCode(data.industries);
  const interests = byCode(data.interests);
  const provinces = byCode(data.provinces);
  const label = (map: Map<string, { label: LocalisedTextDto }>, code: string) => {
    const item = map.get(code);
    return item ? pick(item.label) : code;
  };

  return {
    category: (code) => label(categories, code),
    categoryDescription: (code) => {
      const item = categories.get(code);
      return item ? pick(item.description) : '';
    },
    categoryKind: (code) => categories.get(code)?.kind,
    isNeverShared: (code) => {
      const kind = categories.get(code)?.kind;
      return kind === 'special' || kind === 'protected_life_event';
    },
    industry: (code) => label(industries, code),
    interest: (code) => label(interests, code),
    province: (code) => label(provinces, code),
    categories: KIND_ORDER.flatMap((kind) => data.categories.filter((c) => c.kind === kind)),
    sellableCategories: data.categories.filter((c) => c.kind === 'sellable'),
    profileCategories: data.categories.filter((c) => c.kind === 'profile'),
    industries: [...data.industries.filter((i) => i.sensitive), ...data.industries.filter((i) => !i.sensitive)],
    interests: data.interests,
  };
}
