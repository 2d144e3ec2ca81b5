import { intlLocale } from '../../app/format';

/** "DD 4821 0937 5557": a payment reference in groups of four, as printed on the balance page. */
export function formatReference(reference: string): string {
  const digits = reference.slice(2);
  return [reference.slice(0, 2), ...(digits.match(/\d{1,4}/g) ?? [])].join(' ');
}

/** "NL91 ABNA 0417 1643 00": an IBAN in groups of four. */
export function formatIban(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** A VAT rate in basis points as the reader writes percentages: "21%" / "21%", "9,5%" / "9.5%". */
export function formatRate(basisPoints: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

/** A price per member in euros, with up to four decimals when it does not come to whole cents. */
export function formatUnitPrice(cents: number): string {
  return new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(cents / 100);
}
