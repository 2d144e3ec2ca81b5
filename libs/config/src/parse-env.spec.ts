import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './parse-env';

describe('parseEnv, the one rule', () => {
  const schema = z.object({ SHARE_BP: z.coerce.number().int().max(10_000).default(7_000), NAME: z.string().min(3).optional() });

  it('treats an empty variable as unset, so it gets its default instead of coercing to 0', () => {
    expect(parseEnv(schema, { SHARE_BP: '' })).toEqual({ SHARE_BP: 7_000 });
    expect(parseEnv(schema, { SHARE_BP: undefined, NAME: '' })).toEqual({ SHARE_BP: 7_000 });
    // Without the rule, zod would read "" as 0: the bug this module exists to prevent.
    expect(schema.parse({ SHARE_BP: '' }).SHARE_BP).toBe(0);
  });

  it('keeps several problems with one variable on that variable’s one line', () => {
    const strict = z.object({ CODE: z.string().regex(/^\d+$/, 'must be digits').length(8, 'must be 8 long') });
    const error = (() => {
      try {
        parseEnv(strict, { CODE: 'abc' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).lines).toEqual(['CODE: must be digits; must be 8 long']);
    expect((error as EnvError).message).toBe('CODE: must be digits; must be 8 long');
  });

  it('names each bad variable, one line each, in the order found', () => {
    expect(() => parseEnv(schema, { SHARE_BP: '12000', NAME: 'ab' })).toThrow(/^SHARE_BP: .*\nNAME: .*$/);
  });
});
