/**
 * PostgreSQL array literals built in one pass. Passing a JS array to `pg` serialises it element by
 * element with two regex replaces each; for millions of seeded bookings that (and the garbage it
 * makes) cost more CPU than generating the data. The server parses the same text either way.
 */

const NEEDS_ESCAPE = /["\\]/;

function quoteElement(v: string | null | undefined): string {
  if (v === null || v === undefined) return 'NULL';
  return NEEDS_ESCAPE.test(v) ? `"${v.replace(/["\\]/g, '\\$&')}"` : `"${v}"`;
}

/** Every element quoted (spaces, commas and braces are then literal); null becomes NULL. */
export function quotedArrayLiteral(values: readonly (string | null)[]): string {
  if (values.length === 0) return '{}';
  let simple = true;
  for (let i = 0; i < values.length && simple; i++) {
    const v = values[i];
    simple = typeof v === 'string' && !NEEDS_ESCAPE.test(v);
  }
  // The common case in one join: no per-element strings to allocate and throw away.
  if (simple) return `{"${values.join('","')}"}`;
  return `{${values.map(quoteElement).join(',')}}`;
}

const PLAIN_ELEMENT = /^[A-Za-z0-9_.:+-]+$/;

/**
 * Elements that need no quoting (numbers, dates, codes, IBANs, keys): joined as they are. Anything
 * else would change meaning unquoted, so it is refused rather than silently mangled.
 */
export function plainArrayLiteral(values: readonly (string | number | null)[]): string {
  let hasNull = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) hasNull = true;
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
    } else if (!PLAIN_ELEMENT.test(v) || v.length === 4 && v.toUpperCase() === 'NULL') {
      throw new RangeError(`array element needs quoting: ${JSON.stringify(v)}`);
    }
  }
  if (!hasNull) return `{${values.join(',')}}`;
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : String(v))).join(',')}}`;
}
