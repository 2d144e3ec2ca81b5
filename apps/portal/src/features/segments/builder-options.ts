import type { LocalisedTextDto, OptionDto, ReferenceData, SegmentOptions, SpendBandDto } from '@dd/contract';
import type { ReferenceLabels } from '../../app/reference-labels';

export interface Choice {
  code: string;
  label: string;
}

export interface MunicipalityGroup {
  province: string;
  provinceLabel: string;
  municipalities: string[];
}

/** Everything a criterion row can offer, in the reader's language. Only sellable categories: never a special one. */
export interface BuilderOptions {
  ageBand: Choice[];
  province: Choice[];
  householdBand: Choice[];
  interest: Choice[];
  municipalities: MunicipalityGroup[];
  categories: Choice[];
  spendBands: SpendBandDto[];
  /** Label of any code a stored segment may hold (a category, a province, …), for the chosen-values summary. */
  category(code: string): string;
}

export function builderOptions(options: SegmentOptions, reference: ReferenceData, labels: ReferenceLabels, language: string): BuilderOptions {
  const pick = (text: LocalisedTextDto) => (language === 'en' ? text.en : text.nl);
  const choices = (items: readonly OptionDto[]) => items.map((item) => ({ code: item.code, label: pick(item.label) }));
  return {
    ageBand: choices(options.ageBands),
    householdBand: choices(options.householdBands),
    province: choices(reference.provinces),
    interest: labels.interests.map((item) => ({ code: item.code, label: labels.interest(item.code) })),
    municipalities: options.municipalities.map((group) => ({ province: group.province, provinceLabel: labels.province(group.province), municipalities: group.municipalities })),
    categories: labels.sellableCategories.map((item) => ({ code: item.code, label: labels.category(item.code) })),
    spendBands: options.spendBands,
    category: labels.category,
  };
}
