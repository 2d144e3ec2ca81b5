import pg from 'pg';

const { types } = pg;

/**
 * int8 arrives from PostgreSQL as text. Money is integer cents in int8 columns, so we parse it
 * to a number, but refuse values a double cannot hold exactly rather than round them silently.
 */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${text} is outside the exactly representable range`);
  }
  return value;
}

/** Per-pool type parsers: int8 as a checked number, `date` kept as 'YYYY-MM-DD' (no time-zone shift). */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === types.builtins.INT8) return parseInt8;
    if (oid === types.builtins.DATE) return (text: string) => text;
    // numeric stays a string: callers decide how to handle fractions.
    return types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;
