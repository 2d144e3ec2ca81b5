/**
 * Remembers a pure string function's results, up to `maxEntries` inputs; when full it starts over, so memory
 * stays bounded whatever the input while the few names a statement repeats are normalised once.
 */
export function boundedMemo(fn: (value: string) => string, maxEntries: number): (value: string) => string {
  const known = new Map<string, string>();
  return (value) => {
    let result = known.get(value);
    if (result === undefined) {
      result = fn(value);
      if (known.size >= maxEntries) known.clear();
      known.set(value, result);
    }
    return result;
  };
}
