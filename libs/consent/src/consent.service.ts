import { randomUUID } from 'node:crypto';
import { CONSENT_CATEGORIES, INDUSTRY_CODES, ageBand, isConsentCategory } from '@dd/categories';
import type { Db, Purpose } from '@dd/db';
import { DomainError } from '@dd/errors';
import { CONSENT_POLICY, CONSENT_POLICY_HASH } from './consent.policy';
import { consentRepository } from './consent.repository';

export const PURPOSES: readonly Purpose[] = ['insights', 'offers'];

export interface ConsentChangeInput {
  category: string;
  purpose: Purpose;
  granted: boolean;
  expiresAt?: string | null | undefined;
}

export interface ConsentQuestion {
  customerId: string;
  categories: readonly string[];
  purpose: Purpose;
  /** The buying advertiser's industry; null when none applies. */
  industry: string | null;
  at: Date;
}

type Blocked = 'minor' | 'birth_year_missing' | null;

const key = (category: string, purpose: string) => `${category}|${purpose}`;

export function createConsentService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function blockedReason(customerId: string, at: Date): Promise<Blocked> {
    const row = await consentRepository.birthYear(db, customerId);
    if (!row || row.role !== 'customer') throw new DomainError('NOT_FOUND', 'This customer does not exist.');
    if (row.birth_year === null) return 'birth_year_missing';
    return ageBand(row.birth_year, at) === 'minor' ? 'minor' : null;
  }

  async function state(customerId: string) {
    const at = now();
    const [decisions, exclusions, blocked] = await Promise.all([
      consentRepository.decisionsAt(db, customerId, at),
      consentRepository.exclusionsAt(db, customerId, at),
      blockedReason(customerId, at),
    ]);
    const byKey = new Map(decisions.map((d) => [key(d.category, d.purpose), d]));
    const cells = CONSENT_CATEGORIES.flatMap((category) =>
      PURPOSES.map((purpose) => {
        const decision = byKey.get(key(category, purpose));
        const expired = !!decision?.granted && !!decision.expires_at && decision.expires_at <= at;
        return {
          category,
          purpose,
          granted: !!decision?.granted && !expired,
          expiresAt: decision?.granted && decision.expires_at ? decision.expires_at.toISOString() : null,
          expired,
          recordedAt: decision ? decision.recorded_at.toISOString() : null,
        };
      }),
    );
    return {
      policyVersion: CONSENT_POLICY.version,
      cells,
      excludedIndustries: exclusions.filter((e) => e.excluded).map((e) => e.industry),
      canConsent: blocked === null,
      blockedReason: blocked,
    };
  }

  return {
    state,

    /**
     * Records the customer's decisions as a new, append-only change. Only cells that differ from the
     * current state are written; granting needs an adult with a known birth year.
     */
    async update(customerId: string, input: { changes: ConsentChangeInput[]; excludedIndustries?: string[] | undefined }, source = 'portal') {
      const at = now();
      for (const change of input.changes) {
        if (!isConsentCategory(change.category)) {
          throw new DomainError('VALIDATION_FAILED', `"${change.category}" is not a data category you can share. Health, religion, politics, trade unions, sexual life and pregnancy are never shared.`, {
            field: 'category',
            messageKey: 'validation.categoryNotShareable',
          });
        }
        if (change.granted && change.expiresAt && new Date(change.expiresAt) <= at) {
          throw new DomainError('VALIDATION_FAILED', 'The end date of a consent must lie in the future.', {
            field: 'expiresAt',
            messageKey: 'consent.errors.dateInPast',
          });
        }
      }
      const unknownIndustries = (input.excludedIndustries ?? []).filter((i) => !(INDUSTRY_CODES as readonly string[]).includes(i));
      if (unknownIndustries.length) {
        throw new DomainError('VALIDATION_FAILED', `Unknown industry: ${unknownIndustries.join(', ')}.`, {
          field: 'excludedIndustries',
          messageKey: 'validation.industryUnknown',
        });
      }
      const current = await state(customerId);
      if (!current.canConsent && input.changes.some((c) => c.granted)) {
        throw new DomainError(
          'VALIDATION_FAILED',
          current.blockedReason === 'minor'
            ? 'You can give consent from the age of 18. Until then your data is never shared.'
            : 'Enter your birth year in your profile first: consent is only possible from the age of 18.',
          { field: 'granted', messageKey: current.blockedReason === 'minor' ? 'consent.blocked.minor' : 'consent.blocked.birthYearMissing' },
        );
      }
      const cells = new Map(current.cells.map((c) => [key(c.category, c.purpose), c]));
      const changeId = randomUUID();
      // The last word about a cell within one change is the decision; comparing an earlier, overruled
      // one with the current state would record it alone (a grant followed by "no" stayed granted).
      const lastPerCell = [...new Map(input.changes.map((c) => [key(c.category, c.purpose), c])).values()];
      const decisions = lastPerCell
        .filter((c) => {
          const cell = cells.get(key(c.category, c.purpose));
          const expiresAt = c.granted ? (c.expiresAt ?? null) : null;
          return !cell || cell.granted !== c.granted || (c.granted && (cell.expiresAt ?? null) !== (expiresAt && new Date(expiresAt).toISOString()));
        })
        .map((c) => ({
          customer_id: customerId,
          change_id: changeId,
          category: c.category,
          purpose: c.purpose,
          granted: c.granted,
          expires_at: c.granted && c.expiresAt ? new Date(c.expiresAt) : null,
          policy_version: CONSENT_POLICY.version,
          policy_text_hash: CONSENT_POLICY_HASH,
          source,
          recorded_at: at,
        }));
      const wanted = input.excludedIndustries ? new Set(input.excludedIndustries) : undefined;
      const previously = new Set(current.excludedIndustries);
      const exclusions = wanted
        ? INDUSTRY_CODES.filter((code) => wanted.has(code) !== previously.has(code)).map((industry) => ({
            customer_id: customerId,
            change_id: changeId,
            industry,
            excluded: wanted.has(industry),
            policy_version: CONSENT_POLICY.version,
            recorded_at: at,
          }))
        : [];
      await db.transaction().execute(async (trx) => {
        await consentRepository.insertDecisions(trx, decisions);
        await consentRepository.insertExclusions(trx, exclusions);
      });
      return state(customerId);
    },

    /** One click: every grant ends now. */
    async withdrawAll(customerId: string) {
      const current = await state(customerId);
      const changes = current.cells.filter((c) => c.granted).map((c) => ({ category: c.category, purpose: c.purpose, granted: false }));
      return this.update(customerId, { changes }, 'withdraw_all');
    },

    async history(customerId: string) {
      const [decisions, exclusions] = await Promise.all([
        consentRepository.decisionHistory(db, customerId),
        consentRepository.exclusionHistory(db, customerId),
      ]);
      const changes = new Map<string, { changeId: string; recordedAt: string; policyVersion: string; source: string; decisions: { category: string; purpose: Purpose; granted: boolean; expiresAt: string | null }[]; industries: { industry: string; excluded: boolean }[] }>();
      const entry = (changeId: string, recordedAt: Date, policyVersion: string, source: string) => {
        let found = changes.get(changeId);
        if (!found) {
          found = { changeId, recordedAt: recordedAt.toISOString(), policyVersion, source, decisions: [], industries: [] };
          changes.set(changeId, found);
        }
        return found;
      };
      for (const d of decisions) {
        entry(d.change_id, d.recorded_at, d.policy_version, d.source).decisions.push({
          category: d.category,
          purpose: d.purpose,
          granted: d.granted,
          expiresAt: d.expires_at ? d.expires_at.toISOString() : null,
        });
      }
      for (const e of exclusions) entry(e.change_id, e.recorded_at, e.policy_version, 'portal').industries.push({ industry: e.industry, excluded: e.excluded });
      return [...changes.values()].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
    },

    /**
     * THE question every other part of the platform must ask: does consent cover this customer for
     * all these categories, this purpose and this industry at this moment? Expired grants stop
     * counting by themselves; no job has to run.
     */
    async covers(question: ConsentQuestion): Promise<boolean> {
      if (question.categories.length === 0) return false;
      if (question.categories.some((c) => !isConsentCategory(c))) return false;
      const row = await consentRepository.birthYear(db, question.customerId);
      if (!row || row.role !== 'customer' || row.erasure_requested_at !== null || row.birth_year === null) return false;
      if (ageBand(row.birth_year, question.at) === 'minor') return false;
      const [decisions, exclusions] = await Promise.all([
        consentRepository.decisionsAt(db, question.customerId, question.at),
        consentRepository.exclusionsAt(db, question.customerId, question.at),
      ]);
      if (question.industry && exclusions.some((e) => e.industry === question.industry && e.excluded)) return false;
      const granted = new Set(
        decisions
          .filter((d) => d.purpose === question.purpose && d.granted && (!d.expires_at || d.expires_at > question.at))
          .map((d) => d.category),
      );
      return question.categories.every((c) => granted.has(c));
    },
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
