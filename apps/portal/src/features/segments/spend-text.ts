import type { TFunction } from 'i18next';
import type { SpendBandDto } from '@dd/contract';

// Spend bands are coarse, so whole euros read best: "€ 25", not "€ 25,00".
const wholeEuros = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0 });

export const formatWholeEuros = (cents: number) => wholeEuros.format(cents / 100);

/** One band as an option: "minder dan € 25", "€ 25 tot € 100", "€ 500 of meer". */
export function spendBandLabel(t: TFunction, band: SpendBandDto): string {
  if (band.fromCents === null && band.toCents !== null) return t('segments.builder.spend.band1', { to: formatWholeEuros(band.toCents) });
  if (band.toCents === null && band.fromCents !== null) return t('segments.builder.spend.bandTop', { from: formatWholeEuros(band.fromCents) });
  return t('segments.builder.spend.bandMiddle', { from: formatWholeEuros(band.fromCents ?? 0), to: formatWholeEuros(band.toCents ?? 0) });
}

/** What a band range means in euros per month, in the words the server's description uses. */
export function spendMeaning(t: TFunction, bands: readonly SpendBandDto[], min: number, max: number, category: string | null): string {
  if (category === null) return t('segments.builder.spend.meaningNoCategory');
  const from = bands.find((band) => band.band === min)?.fromCents ?? null;
  const to = bands.find((band) => band.band === max)?.toCents ?? null;
  if (from !== null && to !== null) return t('segments.builder.spend.meaningBetween', { from: formatWholeEuros(from), to: formatWholeEuros(to), category });
  if (to !== null) return t('segments.builder.spend.meaningUnder', { to: formatWholeEuros(to), category });
  if (from !== null) return t('segments.builder.spend.meaningOver', { from: formatWholeEuros(from), category });
  return t('segments.builder.spend.meaningAny', { category });
}

/** A label inside a sentence loses its capital ("Boodschappen" → "boodschappen"), an abbreviation ("DIY") keeps it. */
export function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLocaleLowerCase() + label.slice(1) : label;
}
