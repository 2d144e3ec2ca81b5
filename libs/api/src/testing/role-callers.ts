import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { pino } from 'pino';
import type { Db } from '@dd/db';
import type { Queues } from '@dd/queue';
import { appRouter } from '../app.router';
import type { Context } from '../context';
import type { AppServices } from '../services';
import { createCallerFactory } from '../trpc';
import { signedInAdmin, signedUpAdvertiser, TEST_PASSWORD } from './actors';
import { verifyMailedAddress } from './mailed-links';
import type { FuzzRole } from './procedure-catalogue';
import { createTestClient, TEST_ORIGIN } from './test-context';

/**
 * One signed-in person per role, and a way to call any procedure by its path as that person, over
 * the real context (session lookup, CSRF headers as the portal sends them). Each call comes from an
 * address of its own, so the per-address limits of sign-up and sign-in never decide an outcome.
 */
export interface Actor {
  role: FuzzRole;
  userId?: string;
  email?: string;
  organisationId?: string;
  /** The session cookie; renewed when a call signs the actor out. */
  token?: string | undefined;
}

export interface ErrorShape {
  message: string;
  code: number;
  data: { code: string; httpStatus: number; path?: string; domainCode?: string; fieldErrors?: Record<string, string[]>; reason?: { code: string; params: Record<string, unknown> } };
}

export type Outcome = { ok: true; value: unknown } | { ok: false; error: TRPCError; shape: ErrorShape };

interface World {
  db: Db;
  queues: Queues;
  services: AppServices;
}

/** Creates the five actors of the fuzz and the authorization matrix. */
export async function createActors(world: World): Promise<Record<FuzzRole, Actor>> {
  const customerClient = createTestClient(world.db, world.queues, undefined, { services: world.services });
  const email = `fuzz-klant-${randomUUID()}@example.nl`;
  const viewer = await (await customerClient.call()).auth.signUpCustomer({ displayName: 'Eva Jansen', email, password: TEST_PASSWORD });
  // A verified address, as a member who receives offers and shares in sales has.
  await verifyMailedAddress(world.db, customerClient, email);
  const unverified = await signedUpAdvertiser(world, { organisationName: 'Nog Niet Geverifieerd B.V.', withDetails: true });
  const verified = await signedUpAdvertiser(world, { organisationName: 'Wel Geverifieerd B.V.', withDetails: true, verified: true, depositCents: 50_000 });
  const admin = await signedInAdmin(world);
  const me = async (client: ReturnType<typeof createTestClient>) => (await (await client.call()).auth.me())!;
  const unverifiedViewer = await me(unverified.client);
  const verifiedViewer = await me(verified.client);
  return {
    anonymous: { role: 'anonymous' },
    customer: { role: 'customer', userId: viewer.id, email, token: customerClient.jar.token },
    advertiserUnverified: { role: 'advertiserUnverified', userId: unverifiedViewer.id, email: unverifiedViewer.email, organisationId: unverified.organisationId, token: unverified.client.jar.token },
    advertiserVerified: { role: 'advertiserVerified', userId: verifiedViewer.id, email: verifiedViewer.email, organisationId: verified.organisationId, token: verified.client.jar.token },
    admin: { role: 'admin', userId: admin.id, token: admin.client.jar.token },
  };
}

/** Service names a procedure reached, for "a refused role never reaches the service". */
export type Reached = Set<string>;

/**
 * The services as procedures see them, recording which ones a call touched. `sessions` is the
 * context's own lookup; anything else is the procedure (or a limit in front of it) at work.
 */
export function recordingServices(services: AppServices, reached: Reached): AppServices {
  return new Proxy(services, {
    get(target, name, receiver) {
      if (typeof name === 'string' && name !== 'sessions') reached.add(name);
      return Reflect.get(target, name, receiver) as unknown;
    },
  });
}

const factory = createCallerFactory(appRouter);
const silent = pino({ level: 'silent' });

/** Calls `path` as `actor` with `input`; the error, if any, as the HTTP adapter would format it. */
export async function callAs(services: AppServices, actor: Actor, path: string, input: unknown): Promise<Outcome> {
  let signedOut = false;
  const token = actor.token;
  const ctx: Context = {
    services,
    viewer: await services.sessions.resolve(token),
    publicOrigin: TEST_ORIGIN,
    log: silent,
    request: { method: 'POST', origin: TEST_ORIGIN, trpcSource: 'portal', requestId: 'fuzz', ip: `fuzz-${randomUUID()}` },
    // A sign-in or sign-up by the actor would hand out a new cookie: the actor stays who they are.
    cookie: { read: () => token, set: () => undefined, clear: () => void (signedOut = true) },
    deviceCookie: { read: () => undefined, set: () => undefined },
    setResponseHeader: () => undefined,
  };
  const procedure = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], factory(ctx)) as (input: unknown) => Promise<unknown>;
  try {
    return { ok: true, value: await procedure(input) };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const shape = getErrorShape({ config: appRouter._def._config, error, type: 'mutation', path, input, ctx }) as ErrorShape;
    return { ok: false, error, shape };
  } finally {
    // auth.signOut (or an erasure) ended the session: the next call still comes from this person.
    if (signedOut && actor.userId) actor.token = (await services.sessions.issue(actor.userId)).token;
  }
}
