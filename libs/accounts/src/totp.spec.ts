import { describe, expect, it } from 'vitest';
import { acceptedTimeStep, hashRecoveryCode, newRecoveryCode, newTotpSecret, normaliseRecoveryCode, otpauthUri, timeStepAt, totpCodeAt } from './totp';
import { createSecretBox } from './two-factor.crypto';

const T = Date.UTC(2026, 11, 6, 16, 0, 15);
const STEP = 30_000;

describe('TOTP codes', () => {
  // Fixed, so which codes are outside the window is the same on every run.
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  it('accepts the current code and the codes one step before and after, and no further', () => {
    const step = timeStepAt(T);
    expect(acceptedTimeStep(secret, totpCodeAt(secret, T), T, null)).toBe(step);
    expect(acceptedTimeStep(secret, totpCodeAt(secret, T - STEP), T, null)).toBe(step - 1);
    expect(acceptedTimeStep(secret, totpCodeAt(secret, T + STEP), T, null)).toBe(step + 1);
    expect(acceptedTimeStep(secret, totpCodeAt(secret, T - 2 * STEP), T, null)).toBeNull();
    expect(acceptedTimeStep(secret, totpCodeAt(secret, T + 2 * STEP), T, null)).toBeNull();
  });

  it('refuses a code of the last accepted step or earlier: a code seen once is not taken again', () => {
    const code = totpCodeAt(secret, T);
    const step = acceptedTimeStep(secret, code, T, null)!;
    expect(acceptedTimeStep(secret, code, T, step)).toBeNull();
    expect(acceptedTimeStep(secret, code, T + STEP / 2, step)).toBeNull();
    expect(acceptedTimeStep(secret, totpCodeAt(secret, T - STEP), T, step)).toBeNull();
    expect(acceptedTimeStep(secret, totpCodeAt(secret, T + STEP), T, step)).toBe(step + 1);
  });

  it('refuses what is not six digits and a wrong code', () => {
    const code = totpCodeAt(secret, T);
    expect(acceptedTimeStep(secret, `${code}0`, T, null)).toBeNull();
    expect(acceptedTimeStep(secret, 'abcdef', T, null)).toBeNull();
    const window = [T - STEP, T, T + STEP].map((at) => totpCodeAt(secret, at));
    const wrong = ['000000', '111111', '222222', '333333'].find((candidate) => !window.includes(candidate))!;
    expect(acceptedTimeStep(secret, wrong, T, null)).toBeNull();
  });

  it('names the issuer and the account in the otpauth URI of a new 160-bit secret', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = otpauthUri(secret, 'beheer@example.nl');
    expect(uri).toBe(`otpauth://totp/DataDividend:beheer%40example.nl?secret=${secret}&issuer=DataDividend`);
  });
});

describe('recovery codes', () => {
  it('are read back in any case, with or without dashes, and hash the same', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const typed = code.toUpperCase().replace(/-/g, ' ');
    expect(hashRecoveryCode(normaliseRecoveryCode(typed)!)).toBe(hashRecoveryCode(normaliseRecoveryCode(code)!));
    expect(normaliseRecoveryCode('123456')).toBeNull();
    expect(normaliseRecoveryCode('abcd-efgh-ijk0')).toBeNull();
  });

  it('are different every time', () => {
    expect(new Set(Array.from({ length: 50 }, newRecoveryCode)).size).toBe(50);
  });
});

describe('the secret box', () => {
  it('opens what it sealed for the same user only', () => {
    const box = createSecretBox(Buffer.alloc(32, 7));
    const sealed = box.seal('user-a', 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open('user-a', sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => box.open('user-b', sealed)).toThrow();
    expect(() => createSecretBox(Buffer.alloc(32, 8)).open('user-a', sealed)).toThrow();
  });
});
