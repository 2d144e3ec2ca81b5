import { ageBand, householdBand, interestCodeSchema, InvalidPostcodeError, monthlySpendBands, regionForPostcode, SPEND_WINDOW_DAYS } from '@dd/categories';
import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { enqueue, type Queues } from '@dd/queue';
import { profileRepository } from './profile.repository';

export interface ProfileUpdate {
  birthYear?: number | null | undefined;
  postcode?: string | null | undefined;
  householdSize?: number | null | undefined;
  interests?: string[] | undefined;
}

/** Under 18 (by the age a person has certainly reached) never consents and is never in a segment. */
export function isAdultBirthYear(birthYear: number, now: Date): boolean {
  return ageBand(birthYear, now) !== 'minor';
}

export function createProfileService(deps: { db: Db; queues: Queues; now?: () => Date }) {
  const { db, queues } = deps;
  const now = deps.now ?? (() => new Date());

  async function get(customerId: string) {
    const [profile, features] = await Promise.all([profileRepository.find(db, customerId), profileRepository.findFeatures(db, customerId)]);
    const birthYear = profile?.birth_year ?? null;
    return {
      birthYear,
      province: profile?.province ?? null,
      municipality: profile?.municipality ?? null,
      householdSize: profile?.household_size ?? null,
      interests: profile?.interests ?? [],
      isAdult: birthYear === null ? null : isAdultBirthYear(birthYear, now()),
      features: features
        ? {
            ageBand: features.age_band,
            province: features.province,
            householdBand: features.household_band,
            interests: features.interests,
            spendBands: features.spend_bands,
            computedAt: features.computed_at.toISOString(),
          }
        : null,
    };
  }

  return {
    get,

    /** Rectification of profile facts. The postcode is reduced to province and municipality and then forgotten. */
    async update(customerId: string, input: ProfileUpdate) {
      const values: Parameters<typeof profileRepository.update>[2] = {};
      if (input.birthYear !== undefined) {
        if (input.birthYear !== null) ageBand(input.birthYear, now());
        values.birth_year = input.birthYear;
      }
      if (input.postcode !== undefined) {
        if (input.postcode === null) {
          values.province = null;
          values.municipality = null;
        } else {
          try {
            const region = regionForPostcode(input.postcode);
            values.province = region.province;
            values.municipality = region.municipality;
          } catch (error) {
            if (error instanceof InvalidPostcodeError) {
              throw new DomainError('VALIDATION_FAILED', 'We do not recognise this postcode. Enter a Dutch postcode like 1012 AB.', {
                field: 'postcode',
                messageKey: 'validation.postcodeUnknown',
              });
            }
            throw error;
          }
        }
      }
      if (input.householdSize !== undefined) {
        if (input.householdSize !== null) householdBand(input.householdSize);
        values.household_size = input.householdSize;
      }
      if (input.interests !== undefined) {
        const unknown = input.interests.filter((i) => !interestCodeSchema.safeParse(i).success);
        if (unknown.length) throw new DomainError('VALIDATION_FAILED', `Unknown interest: ${unknown.join(', ')}. Choose from the list.`, {
            field: 'interests',
            messageKey: 'validation.interestUnknown',
          });
        values.interests = [...new Set(input.interests)].sort();
      }
      const { updated_at: version } = await profileRepository.update(db, customerId, values);
      // Keyed by the profile version: BullMQ keeps a completed job (and ignores a new one with its
      // id) for a day, so an id per customer alone would drop every recompute after the first.
      await enqueue(queues, 'features.recompute', { customerId }, { jobId: `features-${customerId}-${version.getTime()}` });
      return get(customerId);
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;

/**
 * Reversals are netted as in the customer's spending chart: a reversed debit arrives as a credit marked as a
 * reversal and, being positive, cancels its category's amount. A reversed credit (money that came in going back,
 * a debit marked as a reversal) is not spending, so it must not raise a band: the credit it undoes never lowered one.
 */
function isReversedCredit(row: { amount_cents: number; is_reversal: boolean }): boolean {
  return row.is_reversal && row.amount_cents < 0;
}

/**
 * Derives the coarse features segments may use. Special categories and protected life events are
 * excluded twice: their rows are not read, and spend bands exist only for sellable categories.
 */
export async function recomputeFeatures(db: Db, customerId: string, at: Date = new Date()): Promise<'computed' | 'no-profile'> {
  const profile = await profileRepository.find(db, customerId);
  if (!profile) return 'no-profile';
  const since = new Date(at.getTime() - (SPEND_WINDOW_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const rows = await profileRepository.recentSpending(db, customerId, since);
  const band = profile.birth_year === null ? null : ageBand(profile.birth_year, at);
  const spendBands = monthlySpendBands(
    rows.filter((r) => !isReversedCredit(r)).map((r) => ({ bookedOn: r.booked_on, amountCents: r.amount_cents, category: r.category })),
    at,
  );
  await profileRepository.upsertFeatures(db, {
    customer_id: customerId,
    is_adult: band !== null && band !== 'minor',
    age_band: band === 'minor' ? null : band,
    province: profile.province,
    municipality: profile.municipality,
    household_band: profile.household_size === null ? null : householdBand(profile.household_size),
    interests: profile.interests,
    spend_bands: Object.fromEntries(Object.entries(spendBands).filter(([, value]) => value !== undefined && value > 0)) as Record<string, number>,
  });
  return 'computed';
}
