/** The separator that occurs most often outside quotes in the header line. */
export function sniffDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  return counts['\t'] > counts[','] ? '\t' : ',';
}

/** Header names compared case- and space-insensitively: exports differ in `MutatieSoort` vs `Mutatiesoort`. */
export function normaliseHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Maps each logical column to its index from a list of accepted header spellings. */
export function indexColumns<K extends string>(
  header: readonly string[],
  spellings: Readonly<Record<K, readonly string[]>>,
): Partial<Record<K, number>> {
  const normalised = header.map(normaliseHeader);
  const found: Partial<Record<K, number>> = {};
  for (const key of Object.keys(spellings) as K[]) {
    const index = normalised.findIndex((name) => spellings[key].includes(name));
    if (index >= 0) found[key] = index;
  }
  return found;
}
