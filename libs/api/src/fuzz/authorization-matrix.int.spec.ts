import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from '../services';
import type { Access } from '../trpc';
import { fuzzCasesFor } from '../testing/fuzz-cases';
import { PROCEDURES, ROLES, expectedOutcome, type FuzzRole } from '../testing/procedure-catalogue';
import { callAs, createActors, recordingServices, type Actor, type Outcome } from '../testing/role-callers';
import { fuzzSeeds, seedWorld, type SeedWorld } from './fuzz-seeds';

/**
 * The authorization matrix: every procedure × role, called. Who may call a procedure is written
 * down here by namespace (so changing a builder is a deliberate change to this file too), checked
 * against the builder the procedure declares, and then against what a call does: a refused role
 * gets UNAUTHORIZED or FORBIDDEN whatever the input, before it is validated, and no service is
 * ever reached; an allowed role gets past the builder (a result, or a refusal about the input).
 */
const ACCESS_BY_NAMESPACE: Record<string, Access> = {
  account: 'signedIn',
  imports: 'customer',
  transactions: 'customer',
  profile: 'customer',
  consent: 'customer',
  privacy: 'customer',
  earnings: 'customer',
  offers: 'customer',
  // Every role has its own notifications.
  notifications: 'signedIn',
  advertiser: 'advertiser',
  billing: 'advertiser',
  admin: 'admin',
};
/** Namespaces that mix levels: each procedure by name. */
const ACCESS_BY_PATH: Record<string, Access> = {
  'auth.me': 'public',
  'auth.signUpCustomer': 'public',
  'auth.signUpAdvertiser': 'public',
  'auth.signIn': 'public',
  // An admin's second step: the challenge token from the password step stands in for a session.
  'auth.twoFactorVerify': 'public',
  'auth.twoFactorConfirmSetUp': 'public',
  'auth.twoFactorFinishSetUp': 'public',
  'auth.signOut': 'signedIn',
  // The links mailed to an address work without a session: a reset is for someone who cannot sign in.
  'auth.verifyEmail': 'public',
  // Asked by the sign-in page, and followed from a mailed link wherever it is opened.
  'account.sessionEndNotice': 'public',
  'account.confirmEmailChange': 'public',
  'auth.requestPasswordReset': 'public',
  'auth.checkPasswordReset': 'public',
  'auth.resetPassword': 'public',
  'reference.operator': 'public',
  'reference.all': 'signedIn',
  'reference.industries': 'public',
  'reference.segmentOptions': 'signedIn',
};

const ROLE_REFUSALS = { UNAUTHORIZED: 'NOT_SIGNED_IN', FORBIDDEN: 'WRONG_ROLE' } as const;
/** Not a valid input for any procedure that takes one; a procedure without input ignores it. */
const INVALID_INPUT = 42;

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;
let actors: Record<FuzzRole, Actor>;
let world: SeedWorld;
const matrix: Record<string, Record<FuzzRole, string>> = {};

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1 });
  actors = await createActors({ db: tdb.db, queues: redis.queues, services });
  world = await seedWorld({ db: tdb.db, queues: redis.queues, services }, actors);
}, 120_000);

afterAll(async () => {
  const cells = Object.values(matrix).flatMap((row) => Object.values(row));
  const count = (kind: string) => cells.filter((cell) => cell === kind).length;
  console.log(
    `authorization matrix: ${Object.keys(matrix).length} procedures × ${ROLES.length} roles = ${cells.length} cells: ` +
      `${count('allowed')} allowed, ${count('UNAUTHORIZED')} UNAUTHORIZED, ${count('FORBIDDEN')} FORBIDDEN`,
  );
  await redis?.close();
  await tdb?.drop();
});

const declaredAccess = (path: string): Access | undefined => ACCESS_BY_PATH[path] ?? ACCESS_BY_NAMESPACE[path.split('.')[0]!];
const refusedByRole = (outcome: Outcome) => !outcome.ok && (outcome.error.code === 'UNAUTHORIZED' || outcome.error.code === 'FORBIDDEN') && outcome.shape.data.domainCode === ROLE_REFUSALS[outcome.error.code];

describe('the authorization matrix', () => {
  it('every procedure’s builder grants what this file says it should', () => {
    const mismatches = PROCEDURES.filter((p) => declaredAccess(p.path) !== p.access).map((p) => `${p.path}: builder says ${p.access}, this file says ${declaredAccess(p.path) ?? 'nothing'}`);
    expect(mismatches).toEqual([]);
  });

  for (const procedure of PROCEDURES) {
    it(`${procedure.path} (${procedure.access}) refuses exactly the roles it should, before reading the input`, async () => {
      // A valid input: a refusal is then about the caller, not the input (the invalid one shows the caller comes first).
      const { baseInput: validInput } = await fuzzCasesFor(procedure, { seed: 1, generated: 1, seeds: fuzzSeeds(world) });
      const row = {} as Record<FuzzRole, string>;
      const wrong: string[] = [];
      for (const role of ROLES) {
        await world.restore();
        const expected = expectedOutcome(procedure.access, role);
        row[role] = expected;
        for (const [kind, input] of [['valid', validInput], ['invalid', INVALID_INPUT]] as const) {
          const reached = new Set<string>();
          const outcome = await callAs(recordingServices(services, reached), actors[role], procedure.path, input);
          const got = outcome.ok ? 'a result' : `${outcome.error.code} ${outcome.shape.data.domainCode}`;
          if (expected === 'allowed') {
            if (refusedByRole(outcome)) wrong.push(`${role}, ${kind} input: refused by role (${got}), expected to be let through`);
            // Let through, the input is read next: a procedure that takes one refuses this one field by field.
            const fieldErrors = !outcome.ok && outcome.error.code === 'BAD_REQUEST' && outcome.shape.data.fieldErrors;
            if (kind === 'invalid' && procedure.input && !fieldErrors) wrong.push(`${role}, invalid input: expected field errors, got ${got}`);
          } else {
            if (!refusedByRole(outcome) || (!outcome.ok && outcome.error.code !== expected)) wrong.push(`${role}, ${kind} input: expected ${expected}, got ${got}`);
            if (reached.size) wrong.push(`${role}, ${kind} input: refused, but reached ${[...reached].join(', ')}`);
          }
        }
      }
      matrix[procedure.path] = row;
      expect(wrong).toEqual([]);
    });
  }
});
