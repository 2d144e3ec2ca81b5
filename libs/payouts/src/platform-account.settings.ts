import { parseEnv, platformAccountEnvSchema, type PlatformAccountEnv } from '@dd/config';

/**
 * The platform's own bank account, the debtor of every pain.001 file. Its variables are one group
 * in libs/config (settings/platform-account.env.ts), read by billing too, so both name the same account.
 */
export interface PlatformAccount {
  /** Electronic format. */
  iban: string;
  /** Null when not set: SEPA payments need only the IBAN, and pain.001.001.03 then says `NOTPROVIDED`. */
  bic: string | null;
  /** As the bank holds it; SEPA allows 70 characters. */
  accountName: string;
}

export function platformAccountFrom(env: Pick<PlatformAccountEnv, 'PLATFORM_IBAN' | 'PLATFORM_BIC' | 'PLATFORM_ACCOUNT_NAME'>): PlatformAccount {
  return { iban: env.PLATFORM_IBAN, bic: env.PLATFORM_BIC, accountName: env.PLATFORM_ACCOUNT_NAME };
}

/** The example account an empty environment gets (the IBAN standard's own example); production refuses it. */
export const EXAMPLE_PLATFORM_ACCOUNT: PlatformAccount = platformAccountFrom(parseEnv(platformAccountEnvSchema, {}));
