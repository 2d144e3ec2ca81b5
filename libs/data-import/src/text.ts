/** Exports pad fields with spaces (Rabobank writes `" "` for empty); one space between words is all that carries meaning. */
export function collapseWhitespace(value: string): string {
  // Most values have single spaces only: a test that allocates nothing, instead of a replace that always copies.
  return (WHITESPACE_TO_COLLAPSE.test(value) ? value.replace(/\s+/g, ' ') : value).trim();
}

/** Whitespace other than a space, or two in a row: exactly when `replace(/\s+/g, ' ')` changes a text. */
const WHITESPACE_TO_COLLAPSE = /[^\S ]|\s\s/;

/** Placeholders banks write where no reference was given; they are not ids. */
export function meaningfulReference(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' || /^(NOTPROVIDED|NONREF|NOT PROVIDED)$/i.test(trimmed) ? null : trimmed;
}

/** Marks a value cut short, so nobody mistakes it for the bank's whole text. */
export const TRUNCATION_MARKER = '…';

/**
 * A value as it is stored: at most `max` characters, the last one the marker when it was cut. Never splits a
 * surrogate pair (an emoji in a remittance text), which PostgreSQL would store as a replacement character.
 */
export function storedText(value: string, max: number): string {
  if (value.length <= max) return value;
  let cut = max - TRUNCATION_MARKER.length;
  const last = value.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return value.slice(0, cut) + TRUNCATION_MARKER;
}
