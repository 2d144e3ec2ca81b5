import { describe, expect, it } from 'vitest';
import { EnvError } from './parse-env';
import { loadApiEnv, loadPlatformEnv, loadToolEnv, loadWorkerEnv } from './load-env';

/** The lines of the EnvError a load throws; fails the test if it does not throw one. */
function problems(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof EnvError) return error.lines;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

const PRODUCTION_SELLER = {
  NODE_ENV: 'production',
  PLATFORM_IBAN: 'NL02ABNA0123456789',
  PLATFORM_ACCOUNT_NAME: 'Stichting Derdengelden DataDividend',
  PLATFORM_NAME: 'DataDividend B.V.',
  PLATFORM_ADDRESS: 'Oudegracht 1; 3511 AA Utrecht',
  PLATFORM_KVK: '87654321',
  PLATFORM_VAT_NUMBER: 'NL987654321B01',
};

const OPERATOR_CONTACTS = { PRIVACY_CONTACT_EMAIL: 'privacy@datadividend.nl', SUPPORT_EMAIL: 'support@datadividend.nl' };
/** 32 bytes, base64: the key admins' TOTP secrets are encrypted with. */
const TWO_FACTOR_KEY = { TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64') };

describe('loading the environment', () => {
  it('runs with no configuration at all', () => {
    const env = loadApiEnv({});
    expect(env).toMatchObject({ PORT: 3000, REDIS_URL: 'redis://127.0.0.1:6379', PUBLIC_ORIGIN: 'http://localhost:3000', COOKIE_SECURE: false });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(loadWorkerEnv({})).toMatchObject({ WORKER_CONCURRENCY: 4, LEDGER_MEMBER_SHARE_BP: 7_000, VAT_RATE_BP: 2_100 });
  });

  it('treats a set-but-empty variable as unset everywhere: LEDGER_MEMBER_SHARE_BP= keeps the 70% share, not 0', () => {
    expect(loadWorkerEnv({ LEDGER_MEMBER_SHARE_BP: '' }).LEDGER_MEMBER_SHARE_BP).toBe(7_000);
    expect(loadWorkerEnv({ LEDGER_MEMBER_SHARE_BP: '0' }).LEDGER_MEMBER_SHARE_BP).toBe(0);
    const api = loadApiEnv({ ADMIN_EMAIL: '', PAYOUT_MINIMUM_CENTS: '', PRICE_PER_MEMBER_OFFER_CENTS: '', COOKIE_SECURE: '', PRIVACY_TABLE_EPSILON: '' });
    expect(api).toMatchObject({ PAYOUT_MINIMUM_CENTS: 1_000, PRICE_PER_MEMBER_OFFER_CENTS: 15, COOKIE_SECURE: false, PRIVACY_TABLE_EPSILON: 250_000 });
    expect(api.ADMIN_EMAIL).toBeUndefined();
    // An empty IBAN is no IBAN: the example account with its BIC, not "invalid IBAN".
    expect(loadApiEnv({ PLATFORM_IBAN: '', PLATFORM_BIC: '' })).toMatchObject({ PLATFORM_IBAN: 'NL91ABNA0417164300', PLATFORM_BIC: 'ABNANL2A' });
  });

  it('lists every bad variable once, one line each, in one error', () => {
    const lines = problems(() => loadApiEnv({ PORT: 'abc', REDIS_URL: 'nope', PRIVACY_TABLE_EPSILON: '1e-3', COOKIE_SECURE: 'yes' }));
    expect(lines.map((line) => line.split(':')[0]).sort()).toEqual(['COOKIE_SECURE', 'PORT', 'PRIVACY_TABLE_EPSILON', 'REDIS_URL']);
    for (const line of lines) expect(line).toMatch(/^[A-Z_]+: \S/);
    expect(lines).toContain('COOKIE_SECURE: must be true or false');
    expect(() => loadApiEnv({ PORT: 'abc' })).toThrow(/^PORT: /);
  });

  it('reports cross-field rules alongside bad values, on the variable to change', () => {
    const lines = problems(() => loadApiEnv({ PORT: '0', PAYOUT_MINIMUM_CENTS: '5000', PAYOUT_MONTHLY_CAP_CENTS: '1000' }));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^PORT: /);
    expect(lines[1]).toBe('PAYOUT_MONTHLY_CAP_CENTS: 1000 is below PAYOUT_MINIMUM_CENTS (5000): nobody could ever cash out');
  });

  it('refuses the example account and seller in production, for the API and the worker alike', () => {
    const missing = ['PLATFORM_IBAN', 'PLATFORM_ACCOUNT_NAME', 'PLATFORM_NAME', 'PLATFORM_ADDRESS', 'PLATFORM_KVK', 'PLATFORM_VAT_NUMBER'];
    // The worker sends mail too, which production must send for real.
    const sendsMail = { SMTP_URL: 'smtp://mail.example.nl:587', MAIL_FROM: 'DataDividend <noreply@example.nl>' };
    for (const [load, alsoMissing] of [
      [loadApiEnv, ['PRIVACY_CONTACT_EMAIL', 'SUPPORT_EMAIL', 'TOTP_ENCRYPTION_KEY']],
      [loadWorkerEnv, ['SMTP_URL', 'MAIL_FROM']],
    ] as const) {
      const lines = problems(() => load({ NODE_ENV: 'production' }));
      expect(lines.map((line) => line.split(':')[0]).sort()).toEqual([...missing, ...alsoMissing].sort());
      for (const line of lines) expect(line).toMatch(/: required in production \(/);
      expect(load({ ...PRODUCTION_SELLER, ...OPERATOR_CONTACTS, ...TWO_FACTOR_KEY, ...sendsMail })).toMatchObject({ PLATFORM_IBAN: 'NL02ABNA0123456789', PLATFORM_BIC: null, PLATFORM_ADDRESS: ['Oudegracht 1', '3511 AA Utrecht'] });
    }
    // A bad IBAN in production is reported as bad, not also as missing.
    expect(problems(() => loadApiEnv({ ...PRODUCTION_SELLER, ...OPERATOR_CONTACTS, ...TWO_FACTOR_KEY, PLATFORM_IBAN: 'NL03ABNA0123456789' }))).toEqual(['PLATFORM_IBAN: is not a valid IBAN (check digits or length are wrong)']);
  });

  it('reads the TOTP encryption key as 32 bytes, base64 or hex, and refuses anything else', () => {
    expect(loadApiEnv({}).TOTP_ENCRYPTION_KEY).toBeUndefined();
    expect(loadApiEnv(TWO_FACTOR_KEY).TOTP_ENCRYPTION_KEY).toEqual(Buffer.alloc(32, 9));
    expect(loadApiEnv({ TOTP_ENCRYPTION_KEY: '09'.repeat(32) }).TOTP_ENCRYPTION_KEY).toEqual(Buffer.alloc(32, 9));
    expect(problems(() => loadApiEnv({ TOTP_ENCRYPTION_KEY: 'geheim' }))).toEqual([expect.stringMatching(/^TOTP_ENCRYPTION_KEY: must be 32 bytes/)]);
  });

  it('shows example operator contacts in development, says they are examples, and refuses to start without real ones in production', () => {
    expect(loadApiEnv({})).toMatchObject({
      PRIVACY_CONTACT_EMAIL: 'privacy@datadividend.example',
      SUPPORT_EMAIL: 'support@datadividend.example',
      OPERATOR_DETAILS_EXAMPLE: true,
    });
    expect(loadApiEnv({ ...OPERATOR_CONTACTS, PLATFORM_NAME: 'Voorbeeld B.V.' })).toMatchObject({ ...OPERATOR_CONTACTS, OPERATOR_DETAILS_EXAMPLE: false });
    const lines = problems(() => loadApiEnv({ ...PRODUCTION_SELLER, ...TWO_FACTOR_KEY, SUPPORT_EMAIL: 'Support@DataDividend.nl' }));
    expect(lines).toEqual([expect.stringMatching(/^PRIVACY_CONTACT_EMAIL: required in production \(shown on the legal pages/)]);
    expect(problems(() => loadApiEnv({ PRIVACY_CONTACT_EMAIL: 'not an address' }))).toEqual([expect.stringMatching(/^PRIVACY_CONTACT_EMAIL: /)]);
    expect(loadApiEnv({ ...PRODUCTION_SELLER, ...OPERATOR_CONTACTS, ...TWO_FACTOR_KEY, SUPPORT_EMAIL: ' Support@DataDividend.nl ' })).toMatchObject({
      SUPPORT_EMAIL: 'support@datadividend.nl',
      OPERATOR_DETAILS_EXAMPLE: false,
    });
  });

  it('gives each command only what it reads', () => {
    // db:migrate runs in production containers without the seller's details.
    expect(loadToolEnv('db:migrate', { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/dd' })).toEqual({ DATABASE_URL: 'postgres://db/dd' });
    expect(loadToolEnv('admin:create', { ADMIN_EMAIL: 'a@b.nl', PORT: 'abc' })).toEqual({ ADMIN_EMAIL: 'a@b.nl', PUBLIC_ORIGIN: 'http://localhost:3000' });
    expect(loadToolEnv('demo:top-up', { PLATFORM_IBAN: 'nl02 abna 0123 4567 89' }).PLATFORM_IBAN).toBe('NL02ABNA0123456789');
    expect(() => loadToolEnv('demo:top-up', { NODE_ENV: 'production' })).toThrow(/^PLATFORM_IBAN: required in production/);
    expect(() => loadToolEnv('seed', { DATABASE_URL: 'not a url' })).toThrow(/^DATABASE_URL: /);
  });

  it('parses worker settings', () => {
    expect(loadWorkerEnv({ WORKER_CONCURRENCY: '8', LEDGER_DISTRIBUTION_BATCH_SIZE: '2000' })).toMatchObject({ WORKER_CONCURRENCY: 8, LEDGER_DISTRIBUTION_BATCH_SIZE: 2_000 });
    expect(() => loadWorkerEnv({ LEDGER_MEMBER_SHARE_BP: '10001' })).toThrow(/^LEDGER_MEMBER_SHARE_BP: /);
  });

  it('checks the API and the worker together for npm start, naming each bad variable once', () => {
    const lines = problems(() => loadPlatformEnv({ PORT: 'abc', LEDGER_MEMBER_SHARE_BP: '-1', PRIVACY_MIN_AUDIENCE: 'ten' }));
    expect(lines.map((line) => line.split(':')[0])).toEqual(['PORT', 'PRIVACY_MIN_AUDIENCE', 'LEDGER_MEMBER_SHARE_BP']);
    const { api, worker } = loadPlatformEnv({ PORT: '4000', LEDGER_MEMBER_SHARE_BP: '' });
    expect([api.PORT, worker.LEDGER_MEMBER_SHARE_BP]).toEqual([4000, 7_000]);
  });
});
