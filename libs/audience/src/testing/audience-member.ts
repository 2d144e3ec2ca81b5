import { randomUUID } from 'node:crypto';
import type { Db, Purpose } from '@dd/db';
import { insertTestCustomer } from '@dd/db/testing';
import type { SegmentFeatures } from '@dd/segments';

export interface AudienceMemberFixture {
  features: SegmentFeatures;
  /** Consent granted now, open-ended, per (category, purpose). */
  grants: readonly { category: string; purpose: Purpose }[];
  birthYear?: number;
}

/** A customer with derived features and consent, written straight to the tables (the triggers do the rest). */
export async function insertAudienceMember(db: Db, fixture: AudienceMemberFixture): Promise<string> {
  const id = await insertTestCustomer(db, { birthYear: fixture.birthYear ?? (fixture.features.isAdult ? 1985 : 2012) });
  const f = fixture.features;
  await db
    .insertInto('customer_features')
    .values({
      customer_id: id,
      is_adult: f.isAdult,
      age_band: f.ageBand,
      province: f.province,
      municipality: f.municipality,
      household_band: f.householdBand,
      interests: [...f.interests],
      spend_bands: JSON.stringify(f.spendBands) as unknown as Record<string, number>,
    })
    .execute();
  if (fixture.grants.length) {
    await db
      .insertInto('consent_decisions')
      .values(fixture.grants.map(({ category, purpose }) => ({ customer_id: id, change_id: randomUUID(), category, purpose, granted: true, policy_version: 'test', policy_text_hash: 'test', source: 'test' })))
      .execute();
  }
  return id;
}

export const ADULT: SegmentFeatures = { isAdult: true, ageBand: '35-44', province: 'NL-UT', municipality: null, householdBand: 'two', interests: [], spendBands: {} };
