import { createHash } from 'node:crypto';
import { createAudienceEngine, createEstimateService, type EstimateOrganisation, type EstimateReleaser } from '@dd/audience';
import type { Purpose } from '@dd/db';
import { isDomainError } from '@dd/errors';
import { createPrivacyAccountant, type PrivacySettings } from '@dd/privacy';
import type { RateLimiter } from '@dd/queue';
import { ATTACK_PRIVACY, PADDING_TOWNS, union, withX, type AttackWorld, type Target } from './attack-world';

const DAY_MS = 24 * 3_600_000;
/** The per-minute limit is a load guard, not a privacy defence: a patient attacker waits it out. */
const noLimit: RateLimiter = { hit: async () => ({ allowed: true, retryAfterMs: 0, count: 1, window: 0 }) };

export type Answer = number | 'refused';

/**
 * An attacker asking estimates through the estimate service, as the API does, from one or more
 * organisations (Sybils) in turn, on a simulated clock that starts on a fixed day (the release keys
 * hold the month, so the measured rates repeat). A refusal for the daily cap waits for midnight,
 * then if need be a full day (up to `days`); a spent monthly budget ends that organisation's month;
 * once no organisation can ask, every answer is a refusal.
 */
export function createAsker(
  world: AttackWorld,
  input: { organisations: EstimateOrganisation[]; releaser?: (now: () => Date) => EstimateReleaser; settings?: PrivacySettings; days?: number },
) {
  const settings = input.settings ?? ATTACK_PRIVACY;
  const start = Date.parse('2026-11-02T08:00:00Z');
  let clock = start;
  const now = () => new Date(clock);
  const engine = createAudienceEngine({ db: world.db });
  const accountant = createPrivacyAccountant({ db: world.db, settings, now });
  const estimates = createEstimateService({
    db: world.db, engine, limiter: noLimit, settings, accountant, now, ...(input.releaser ? { releaser: input.releaser(now) } : {}),
  });
  const waitingUntil = new Map<string, number>();
  const done = new Set<string>();
  const triedMidnight = new Set<string>();
  let turn = 0;
  let asked = 0;

  async function ask(segment: unknown, purpose: Purpose = 'insights'): Promise<Answer> {
    for (;;) {
      const able = input.organisations.filter((o) => !done.has(o.id) && (waitingUntil.get(o.id) ?? 0) <= clock);
      if (able.length === 0) {
        const next = Math.min(...input.organisations.filter((o) => !done.has(o.id)).map((o) => waitingUntil.get(o.id) ?? Infinity));
        if (!Number.isFinite(next) || next - start >= (input.days ?? 31) * DAY_MS) return 'refused';
        clock = next;
        continue;
      }
      const organisation = able[turn++ % able.length]!;
      try {
        const { estimate } = await estimates.estimate(organisation, { segment, purpose });
        asked++;
        triedMidnight.delete(organisation.id);
        return estimate.kind === 'about' ? estimate.value : estimate.k;
      } catch (error) {
        const reason = isDomainError(error) ? error.reason?.code : undefined;
        if (reason === 'estimateDailyLimit') {
          // A cap that resets at midnight (the old one) is worth waiting for; a rolling one only after a full day.
          const midnight = (Math.floor(clock / DAY_MS) + 1) * DAY_MS;
          const waited = triedMidnight.has(organisation.id);
          waitingUntil.set(organisation.id, waited ? clock + DAY_MS : midnight);
          if (waited) triedMidnight.delete(organisation.id);
          else triedMidnight.add(organisation.id);
        }
        else if (reason === 'estimateBudgetSpent' || reason === 'estimateOrganisationNotVerified') done.add(organisation.id);
        else throw error;
      }
    }
  }

  return { ask, answered: () => asked, stop: () => engine.stop() };
}

/** The j-th padding set: ten of the padding towns, different for every j (so every question is new). */
export function paddingSet(j: number): unknown {
  const towns = [...PADDING_TOWNS].sort((a, b) => {
    const key = (town: string) => createHash('sha256').update(`${j}/${town}`).digest('hex');
    return key(a) < key(b) ? -1 : 1;
  });
  return { field: 'municipality', in: towns.slice(0, 10).sort() };
}

/**
 * The averaging attack: for padding sets C_j, ask C_j ∪ (U ∧ X) and C_j ∪ (U ∧ ¬X) (under each of
 * `purposes`); the first is one larger exactly when the target has X, so the mean difference tends
 * to +1 or -1 as the noise averages out. Round-robin over the targets, `pairs` padding sets each;
 * stops when no answer comes any more. Guesses X when the mean difference is positive.
 */
export async function averagingAttack(asker: ReturnType<typeof createAsker>, targets: readonly Target[], pairs: number, purposes: Purpose[] = ['insights']): Promise<boolean[]> {
  const differences = targets.map(() => [] as number[]);
  let j = 0;
  rounds: for (let round = 0; round < pairs; round++) {
    for (const [i, target] of targets.entries()) {
      const padding = paddingSet(j++);
      for (const purpose of purposes) {
        const withIt = await asker.ask(union(padding, withX(target.group, true)), purpose);
        const without = await asker.ask(union(padding, withX(target.group, false)), purpose);
        if (withIt === 'refused' || without === 'refused') break rounds;
        differences[i]!.push(withIt - without);
      }
    }
  }
  return differences.map((d) => d.length > 0 && d.reduce((sum, x) => sum + x, 0) > 0);
}
