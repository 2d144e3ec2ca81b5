import { describe, expect, it } from 'vitest';
import { parseInt8 } from './pg-types';

describe('int8 parsing', () => {
  it('parses cents exactly within the safe range', () => {
    expect(parseInt8('0')).toBe(0);
    expect(parseInt8('-12345')).toBe(-12345);
    expect(parseInt8('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses values a double would round', () => {
    expect(() => parseInt8('9007199254740993')).toThrow(RangeError);
    expect(() => parseInt8('-9223372036854775808')).toThrow(/outside the exactly representable range/);
  });
});

describe('idle connection errors', () => {
  it('do not escape the pool as an uncaught error', async () => {
    const { createPool } = await import('./client');
    const seen: Error[] = [];
    const pool = createPool('postgres://nobody@127.0.0.1:1/none', { onIdleError: (error) => seen.push(error) });
    expect(pool.listenerCount('error')).toBe(1);
    pool.emit('error', new Error('terminating connection due to administrator command'));
    expect(seen.map((e) => e.message)).toEqual(['terminating connection due to administrator command']);
    await pool.end();
  });
});
