import { z } from 'zod';
import { adminEnvShape, apiEnvShape } from './settings/api.env';
import { audienceEnvShape } from './settings/audience.env';
import { billingEnvShape, checkSeller, resolveSeller } from './settings/billing.env';
import { databaseEnvShape, serverEnvShape } from './settings/core.env';
import { EVEN_WITH_BAD_FIELDS } from './settings/env-rules';
import { ledgerEnvShape } from './settings/ledger.env';
import { checkMail, mailEnvShape, resolveMailFrom } from './settings/mail.env';
import { checkOperator, operatorEnvShape, resolveOperator } from './settings/operator.env';
import { checkPayoutLimits, payoutsEnvShape } from './settings/payouts.env';
import { checkPlatformAccount, platformAccountEnvSchema, platformAccountEnvShape, resolvePlatformAccount } from './settings/platform-account.env';
import { privacyEnvShape } from './settings/privacy.env';
import { productPricesEnvShape } from './settings/product-prices.env';
import { checkTwoFactorKey, twoFactorEnvShape } from './settings/two-factor.env';
import { workerEnvShape } from './settings/worker.env';

/**
 * One schema per process, composed from the groups of variables in settings/: a process validates
 * exactly what it reads, so a bad value refuses its start-up and nothing reads a variable twice.
 */
const apiShape = {
  ...serverEnvShape,
  ...apiEnvShape,
  ...privacyEnvShape,
  ...productPricesEnvShape,
  ...payoutsEnvShape,
  ...platformAccountEnvShape,
  ...billingEnvShape,
  ...operatorEnvShape,
  ...twoFactorEnvShape,
  ...audienceEnvShape,
  // Only to show the development mailbox when no mail server is configured; the worker sends.
  SMTP_URL: mailEnvShape.SMTP_URL,
  MAIL_DIR: mailEnvShape.MAIL_DIR,
};

export const apiEnvSchema = z
  .object(apiShape)
  .superRefine((env, ctx) => {
    checkPlatformAccount(env, ctx);
    checkSeller(env, ctx);
    checkPayoutLimits(env, ctx);
    checkOperator(env, ctx);
    checkTwoFactorKey(env, ctx);
  }, EVEN_WITH_BAD_FIELDS)
  .transform((env) => ({ ...env, ...resolvePlatformAccount(env), ...resolveSeller(env), ...resolveOperator(env) }));

/** The worker fulfils purchases: it applies the privacy parameters, issues invoices and records sales. */
const workerShape = {
  ...serverEnvShape,
  ...workerEnvShape,
  ...privacyEnvShape,
  ...platformAccountEnvShape,
  ...billingEnvShape,
  ...ledgerEnvShape,
  ...mailEnvShape,
  // The links in outgoing mail point at the portal.
  PUBLIC_ORIGIN: apiEnvShape.PUBLIC_ORIGIN,
};

export const workerEnvSchema = z
  .object(workerShape)
  .superRefine((env, ctx) => {
    checkPlatformAccount(env, ctx);
    checkSeller(env, ctx);
    checkMail(env, ctx);
  }, EVEN_WITH_BAD_FIELDS)
  .transform((env) => ({ ...env, ...resolvePlatformAccount(env), ...resolveSeller(env), ...resolveMailFrom(env) }));

/**
 * The one-shot commands, each with only what it reads: `db:migrate` runs in production containers
 * and must not demand the seller's details; `demo:top-up` writes a statement for the platform
 * account, so it refuses the example account in production as the API does.
 */
export const toolEnvSchemas = {
  'db:migrate': z.object(databaseEnvShape),
  seed: z.object(databaseEnvShape),
  // PUBLIC_ORIGIN: it prints where the new admin signs in (and sets up two-factor sign-in).
  'admin:create': z.object({ ...databaseEnvShape, ...adminEnvShape, PUBLIC_ORIGIN: apiEnvShape.PUBLIC_ORIGIN }),
  'demo:top-up': platformAccountEnvSchema,
};

export type ApiEnv = z.output<typeof apiEnvSchema>;
export type WorkerEnv = z.output<typeof workerEnvSchema>;
export type ToolName = keyof typeof toolEnvSchemas;
export type ToolEnv<T extends ToolName> = z.output<(typeof toolEnvSchemas)[T]>;

/** Every variable each process reads, for the README check (README.md, Configuration). */
export const ENV_VARIABLES: Record<'api' | 'worker' | ToolName, readonly string[]> = {
  api: Object.keys(apiShape),
  worker: Object.keys(workerShape),
  'db:migrate': Object.keys(databaseEnvShape),
  seed: Object.keys(databaseEnvShape),
  'admin:create': Object.keys(toolEnvSchemas['admin:create'].shape),
  'demo:top-up': Object.keys(platformAccountEnvSchema.in.shape),
};
