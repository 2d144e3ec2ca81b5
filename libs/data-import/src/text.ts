/** Exports pad fields with spaces (Rabobank writes `" "` for empty); one space between words is all that carries meaning. */
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Placeholders banks write where no reference was given; they are not ids. */
export function meaningfulReference(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' || /^(NOTPROVIDED|NONREF|NOT PROVIDED)$/i.test(trimmed) ? null : trimmed;
}
