import type { Db } from '@dd/db';
import { budgetPeriod, deriveNoiseKey, keyedRandomSource, loadNoiseSecret, microToRational, noiseKeyMaterial, noisyCount } from '@dd/privacy';
import type { EstimateReleaser } from '../estimate.service';

/**
 * FOR TESTS ONLY: estimates as they were before the accountant, for the controls of the attack
 * tests. Any organisation may ask (verified or not); nothing is charged; the noise is keyed to the
 * member set, the month and the purpose, so a padded set or the other purpose is a fresh draw; at
 * most `questionsPerDay` distinct questions per organisation per UTC day, reset at midnight.
 */
export function legacyEstimates(deps: { db: Db; epsilonMicro: number; questionsPerDay?: number; now?: () => Date }): EstimateReleaser {
  const now = deps.now ?? (() => new Date());
  const asked = new Map<string, Set<string>>();
  let secret: Promise<Buffer> | undefined;
  return async ({ organisation, query, count }) => {
    const { count: exact, memberSetHash } = await count();
    const day = `${organisation.id}:${now().toISOString().slice(0, 10)}`;
    const questions = asked.get(day) ?? new Set<string>();
    asked.set(day, questions);
    const question = `${query.purpose}:${memberSetHash}`;
    if (!questions.has(question)) {
      if (deps.questionsPerDay !== undefined && questions.size >= deps.questionsPerDay) return { status: 'refused', reason: 'cap' };
      questions.add(question);
    }
    secret ??= loadNoiseSecret(deps.db);
    const epsilon = microToRational(deps.epsilonMicro);
    const key = noiseKeyMaterial({ memberSetHash, snapshotId: budgetPeriod(now()), purpose: query.purpose });
    const noise = deriveNoiseKey(await secret, 'dd/audience-estimate/v1', key, `${epsilon.num}/${epsilon.den}`);
    return { status: 'released', noisy: noisyCount(exact, epsilon, keyedRandomSource(noise)) };
  };
}
