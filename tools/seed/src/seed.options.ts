import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MAX_CUSTOMERS } from './ids';

/** The end of the seeded window when --until is not given: fixed, so output never follows the clock. */
export const DEFAULT_UNTIL = '2026-11';

export const USAGE = `Usage: npm run seed -- [options]

  --customers N   number of synthetic customers (default 1000, at most ${MAX_CUSTOMERS})
  --seed S        PRNG seed, a non-negative integer (default 42); same seed and N give the same data
  --months M      months of transactions per customer, 1-36 (default 6)
  --until YYYY-MM the window ends before this month (default ${DEFAULT_UNTIL})
  --reset         delete previously seeded customers (and their data) first
  --help          show this text

Writes to DATABASE_URL, or to the embedded database under .data/ when it is unset.`;

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

export const seedOptionsSchema = z.object({
  customers: integer('--customers', 1, MAX_CUSTOMERS).default(1000),
  seed: integer('--seed', 0, 2 ** 32 - 1).default(42),
  months: integer('--months', 1, 36).default(6),
  until: z
    .string()
    .regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, '--until must be a month as YYYY-MM')
    .default(DEFAULT_UNTIL),
  reset: z.boolean().default(false),
});

export type SeedOptions = z.output<typeof seedOptionsSchema>;

export type ParsedArgs = { ok: true; help: boolean; options: SeedOptions } | { ok: false; error: string };

/** Command-line flags to validated options, or one readable error naming every bad flag. */
export function parseSeedArgs(argv: readonly string[]): ParsedArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        customers: { type: 'string' },
        seed: { type: 'string' },
        months: { type: 'string' },
        until: { type: 'string' },
        reset: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const { help, ...rest } = values;
  const result = seedOptionsSchema.safeParse(rest);
  if (!result.success) return { ok: false, error: result.error.issues.map((i) => i.message).join('; ') };
  return { ok: true, help: help === true, options: result.data };
}
