import { describe, expect, it } from 'vitest';
import { DEFAULT_UNTIL, parseSeedArgs } from './seed.options';

describe('parseSeedArgs', () => {
  it('fills in the defaults', () => {
    expect(parseSeedArgs([])).toEqual({ ok: true, help: false, options: { customers: 1000, seed: 42, months: 6, until: DEFAULT_UNTIL, reset: false } });
  });

  it('reads every flag', () => {
    const parsed = parseSeedArgs(['--customers', '100000', '--seed', '7', '--months', '12', '--until', '2026-01', '--reset']);
    expect(parsed).toEqual({ ok: true, help: false, options: { customers: 100_000, seed: 7, months: 12, until: '2026-01', reset: true } });
    expect(parseSeedArgs(['--customers=5'])).toMatchObject({ ok: true, options: { customers: 5 } });
  });

  it.each([
    [['--customers', 'many'], '--customers must be a whole number'],
    [['--customers', '0'], '--customers must be at least 1'],
    [['--customers', '1.5'], '--customers must be a whole number'],
    [['--months', '40'], '--months must be at most 36'],
    [['--until', '2026-13'], '--until must be a month as YYYY-MM'],
    [['--seed=-1'], '--seed must be a whole number'],
    [['--seed', '-1'], "argument is ambiguous"],
    [['--colour', 'blue'], "Unknown option '--colour'"],
  ])('explains what is wrong with %j', (argv, message) => {
    const parsed = parseSeedArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});
