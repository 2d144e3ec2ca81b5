import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { appRouter, createAppServices, fastifyRefusal, operatorDetailsFrom } from '@dd/api';
import { billingSettingsFrom, type BillingSettings } from '@dd/billing';
import type { ApiEnv, Logger } from '@dd/config';
import type { Db } from '@dd/db';
import { payoutSettingsFrom, type PayoutSettings } from '@dd/payouts';
import { privacySettingsFrom, type PrivacySettings } from '@dd/privacy';
import type { Queues } from '@dd/queue';
import { productPricesFrom, type ProductPriceSettings } from '@dd/segments';
import { registerDevMailbox } from './http/dev-mailbox.route';
import { registerExportDownload } from './http/export-download.route';
import { registerHealthRoute } from './http/health.route';
import { registerPayoutFileDownload } from './http/payout-file-download.route';
import { registerPortal } from './http/portal.route';
import { clientRequestIdOf, registerBodyErrors } from './http/request-hygiene';
import { registerSecurityHeaders } from './http/security-headers.hook';
import { registerUploadLimit } from './http/upload-limit.hook';
import { RequestLogController } from './http/request-log.controller';
import { createContextFactory } from './http/trpc-context';
import { registerTrpcRoute } from './http/trpc.route';

export interface ApiServerDeps {
  env: ApiEnv;
  db: Db;
  queues: Queues;
  logger: Logger;
  pingRedis(): Promise<unknown>;
  /** Privacy parameters; default: from `env` (PRIVACY_* variables). Tests pass their own. */
  privacy?: PrivacySettings;
  /** Platform account, seller details and VAT rate; default: from `env` (PLATFORM_*, VAT_RATE_BP). */
  billing?: BillingSettings;
  /** Payout limits and the platform's debtor account; default: from `env` (PAYOUT_*, PLATFORM_*). */
  payouts?: PayoutSettings;
  /** Price per member of each product; default: from `env` (PRICE_PER_MEMBER_*_CENTS). */
  prices?: ProductPriceSettings;
  /** Build the audience index at start and keep it fresh in the background (the API process does; tests need not). */
  warmAudience?: boolean;
  /** Where the audience index is saved between restarts (the API process passes AUDIENCE_SNAPSHOT_DIR); unset: none. */
  audienceSnapshotDir?: string;
  /** The key of admins' TOTP secrets; default: TOTP_ENCRYPTION_KEY from `env`, else one random key per process (tests). */
  twoFactorKey?: Buffer;
}

export async function buildServer(deps: ApiServerDeps): Promise<FastifyInstance> {
  const { env, db, logger } = deps;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Request ids are the server's own, random, on every log line of a request. A client's
    // x-request-id is never the id (anyone could make their requests look like someone else's in the
    // logs); it is logged beside it as `clientRequestId`, cleaned and shortened, to correlate with a proxy.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    childLoggerFactory(logger, bindings, options, rawReq) {
      const clientRequestId = clientRequestIdOf(rawReq.headers['x-request-id']);
      return logger.child(clientRequestId ? { ...bindings, clientRequestId } : bindings, options);
    },
    // JSON bodies stay small; statement uploads (multipart) are limited by their own check.
    bodyLimit: 1_048_576,
    trustProxy: false,
    logController: new RequestLogController(),
    // tRPC's route is /trpc/:path, and a batch joins its procedure names into that one parameter:
    // Fastify's default of 100 characters refused ordinary portal pages that ask five things at once.
    routerOptions: { maxParamLength: 2_000 },
    // A path still over that answers in the API's error shape without quoting it.
    frameworkErrors(error, _req, frameworkReply) {
      // Its reply is typed for the route that was never matched; it is an ordinary reply.
      const reply = frameworkReply as unknown as FastifyReply;
      const refusal = fastifyRefusal(error) ?? fastifyRefusal({ code: 'FST_ERR_BAD_URL' })!;
      void reply.code(refusal.statusCode).send(refusal.body);
    },
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    void reply.header('x-request-id', req.id);
    done(null, payload);
  });

  registerSecurityHeaders(app, { strictTransportSecurity: env.COOKIE_SECURE });
  await app.register(fastifyCookie);
  registerBodyErrors(app);
  registerUploadLimit(app);

  const services = createAppServices(db, deps.queues, {
    sessionTtlHours: env.SESSION_TTL_HOURS,
    sessionIdleMinutes: { member: env.SESSION_IDLE_TIMEOUT_MINUTES, admin: env.ADMIN_SESSION_IDLE_TIMEOUT_MINUTES },
    privacy: deps.privacy ?? privacySettingsFrom(env),
    payouts: deps.payouts ?? payoutSettingsFrom(env),
    billing: deps.billing ?? billingSettingsFrom(env),
    prices: deps.prices ?? productPricesFrom(env),
    operator: operatorDetailsFrom(env),
    ...((deps.twoFactorKey ?? env.TOTP_ENCRYPTION_KEY) ? { twoFactorKey: deps.twoFactorKey ?? env.TOTP_ENCRYPTION_KEY } : {}),
    ...(deps.audienceSnapshotDir ? { audienceSnapshotDir: deps.audienceSnapshotDir } : {}),
    audienceLogger: logger,
  });
  if (deps.warmAudience) {
    // From its snapshot when there is a usable one (the engine logs which), else a full build.
    services.audience
      .ready()
      .then(() => logger.info(services.audience.stats ?? {}, 'audience index ready'))
      .catch((err: unknown) => logger.error({ err }, 'audience index build failed; it is retried on the first estimate'));
    services.audience.startPolling();
  }
  // Saves what changed since the last snapshot, so the next start need not rebuild.
  app.addHook('onClose', async () => services.audience.close());
  await registerTrpcRoute(app, {
    router: appRouter,
    createContext: createContextFactory({ services, env }),
    onError({ error, path, req }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
    },
  });

  registerHealthRoute(app, { db, pingRedis: deps.pingRedis });
  registerExportDownload(app, services);
  registerPayoutFileDownload(app, services);
  registerDevMailbox(app, env);
  await registerPortal(app, env.PORTAL_DIST);
  return app;
}
