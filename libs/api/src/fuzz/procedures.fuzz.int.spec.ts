import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { DEFAULT_PRIVACY_SETTINGS } from '@dd/privacy';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from '../services';
import { brokenPromises, ECHOES, isKnownEcho } from '../testing/error-contract';
import { fuzzCasesFor } from '../testing/fuzz-cases';
import { PROCEDURES, ROLES, expectedOutcome, type FuzzRole } from '../testing/procedure-catalogue';
import { callAs, createActors, type Actor, type Outcome } from '../testing/role-callers';
import { FUZZ_MINIMUM_AUDIENCE, fuzzSeeds, seedWorld, type SeedWorld } from './fuzz-seeds';

/**
 * The fuzz (hardening issue): every procedure, as every role, with inputs generated from its zod
 * schema and with hostile values. No call may end in a 500; every refusal carries a message for a
 * person and a reason code, and echoes nothing that was sent; a role the procedure's builder
 * refuses is refused whatever the input. Fixed seed (FUZZ_SEED overrides it to explore).
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_101);
const GENERATED_PER_PROCEDURE = 20;
const PARALLEL_CALLS = 4;
/** FUZZ_LOG=<file> writes every call's outcome as a JSON line, to see what the fuzz reached. */
const LOG = process.env['FUZZ_LOG'];

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;
let actors: Record<FuzzRole, Actor>;
let world: SeedWorld;
const started = Date.now();
const tally = { calls: 0, generated: 0, hostile: 0, ok: 0, refusedByRole: 0, invalidInput: 0, refusedByService: 0 };
const failures: string[] = [];
const bases: Record<string, string> = {};

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  const real = createAppServices(tdb.db, redis.queues, {
    sessionTtlHours: 1,
    // Budgets and estimate limits out of the way (the fuzz is about inputs, not about running out), and
    // a k the seeded audience meets, with an estimate that is surely above it, so purchases go through.
    privacy: {
      ...DEFAULT_PRIVACY_SETTINGS,
      minimumAudience: FUZZ_MINIMUM_AUDIENCE,
      estimateEpsilonMicro: 20_000_000,
      estimatesPerMinute: 100_000,
      estimateQuestionsPerDay: 100_000,
      estimateMonthlyEpsilonMicro: 1e12,
      advertiserMonthlyEpsilonMicro: 1e12,
    },
  });
  // The per-account limits of uploads and exports would answer 429 after a few cases and hide the
  // rest (the limits have their own tests: auth-throttling.http.int, sign-in-throttling.int).
  services = { ...real, rateLimiter: { hit: async () => ({ allowed: true, retryAfterMs: 0, count: 1, window: 0 }), refund: async () => undefined } };
  actors = await createActors({ db: tdb.db, queues: redis.queues, services });
  world = await seedWorld({ db: tdb.db, queues: redis.queues, services }, actors);
}, 120_000);

afterAll(async () => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${Object.keys(bases).length} procedures × ${ROLES.length} roles × (${GENERATED_PER_PROCEDURE} generated + hostile) = ${tally.calls} calls ` +
      `(${tally.generated} generated, ${tally.hostile} hostile): ${tally.ok} ok, ${tally.refusedByRole} refused by role, ${tally.invalidInput} invalid input, ` +
      `${tally.refusedByService} refused by a service; ${failures.length} broken; seed ${SEED}; ${seconds} s`,
  );
  await redis?.close();
  await tdb?.drop();
});

/** Runs `work` over `items`, `parallel` at a time (the database is the bottleneck, not the test). */
async function inPool<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** `value` with every occurrence of `from` (an id) replaced by `to`; uploads and other objects as they are. */
function replaced(value: unknown, from: unknown, to: unknown): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((item) => replaced(item, from, to));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaced(item, from, to)]));
  }
  return value;
}

function classify(outcome: Outcome): keyof typeof tally {
  if (outcome.ok) return 'ok';
  const code = outcome.error.code;
  if (code === 'UNAUTHORIZED' || code === 'FORBIDDEN') return outcome.shape.data.domainCode === 'NOT_SIGNED_IN' || outcome.shape.data.domainCode === 'WRONG_ROLE' ? 'refusedByRole' : 'refusedByService';
  return outcome.shape.data.fieldErrors ? 'invalidInput' : 'refusedByService';
}

describe('every procedure, as every role, with generated and hostile inputs', () => {
  it('covers every procedure of the router', () => {
    expect(PROCEDURES.length).toBeGreaterThan(70);
  });

  for (const procedure of PROCEDURES) {
    it(`${procedure.path}: no 500, every refusal with a message and a reason code`, async () => {
      const cases = await fuzzCasesFor(procedure, { seed: SEED, generated: GENERATED_PER_PROCEDURE, seeds: fuzzSeeds(world) });
      bases[procedure.path] = cases.base;
      const broken: string[] = [];
      const all = [...cases.generated.map((c) => ({ ...c, kind: 'generated' as const })), ...cases.hostile.map((c) => ({ ...c, kind: 'hostile' as const }))];
      for (const role of ROLES) {
        const expected = expectedOutcome(procedure.access, role);
        // A change that goes through (a rename, an organisation's new details) must not decide the
        // next case: those run one by one, each from the same starting point. Reads run side by side.
        const changes = expected === 'allowed' && procedure.type === 'mutation';
        await world.restore();
        await inPool(all, changes ? 1 : PARALLEL_CALLS, async ({ label, input, kind }) => {
          if (changes) await world.restore();
          const fresh = changes ? await world.fresh[procedure.path]?.() : undefined;
          const outcome = await callAs(services, actors[role], procedure.path, fresh ? replaced(input, fresh.from, fresh.to) : input);
          tally.calls++;
          tally[kind]++;
          tally[classify(outcome)]++;
          if (LOG) appendFileSync(LOG, `${JSON.stringify({ path: procedure.path, role, label, ...(outcome.ok ? { ok: true } : { code: outcome.error.code, domainCode: outcome.shape.data.domainCode, message: outcome.shape.message.slice(0, 200) }) })}\n`);
          const problems = brokenPromises(outcome).filter((problem) => !(problem.startsWith(ECHOES) && isKnownEcho(procedure.path, label)));
          // The builder decides before the input is read: a refused role sees the refusal, never a field error.
          if (expected !== 'allowed' && (outcome.ok || outcome.error.code !== expected)) problems.push(`expected ${expected}, got ${outcome.ok ? 'a result' : outcome.error.code}`);
          for (const problem of problems) broken.push(`${procedure.path} as ${role}, ${label}: ${problem}`);
        });
      }
      // Nothing the fuzz sent reached Object.prototype.
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      failures.push(...broken);
      expect(broken.slice(0, 25), `${broken.length} broken calls`).toEqual([]);
    }, 120_000);
  }

  it('found a valid input to start the hostile cases from for every procedure with input', () => {
    const without = Object.entries(bases).filter(([path, base]) => base === 'none' && PROCEDURES.find((p) => p.path === path)?.input).map(([path]) => path);
    expect(without).toEqual([]);
  });
});
