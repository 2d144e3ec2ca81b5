import { describe, expect, it } from 'vitest';
import { clientRequestIdOf } from './request-hygiene';

describe('clientRequestIdOf', () => {
  it('keeps a plain id as it is', () => {
    expect(clientRequestIdOf('req-123')).toBe('req-123');
    expect(clientRequestIdOf(['first', 'second'])).toBe('first');
  });

  it('drops control and bidi characters, so a logged id cannot forge or reorder a line', () => {
    expect(clientRequestIdOf('abc\r\n{"level":60}\u202eevil')).toBe('abc{"level":60}evil');
    expect(clientRequestIdOf('\u0000\u0007 ')).toBeUndefined();
  });

  it('is at most 128 characters and absent when none was sent', () => {
    expect(clientRequestIdOf('x'.repeat(500))).toHaveLength(128);
    expect(clientRequestIdOf(undefined)).toBeUndefined();
    expect(clientRequestIdOf('')).toBeUndefined();
  });
});
