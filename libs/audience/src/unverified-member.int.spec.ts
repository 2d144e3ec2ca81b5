import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createAudienceEngine } from './audience.engine';
import type { AudienceQuery } from './member-state';
import { countWithSql, memberNumbersWithSql } from './segment.sql';
import { ADULT, insertAudienceMember } from './testing';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const everyone: AudienceQuery = { tree: { op: 'all', of: [] }, categories: ['groceries'], purpose: 'offers', industry: null };

describe('a member whose e-mail address is not verified', () => {
  it('is neither counted nor frozen into a delivery until the address is proven, by the index and by SQL alike', async () => {
    const engine = createAudienceEngine({ db: tdb.db });
    const verified = await insertAudienceMember(tdb.db, { features: ADULT, grants: [{ category: 'groceries', purpose: 'offers' }] });
    const unverified = await insertAudienceMember(tdb.db, { features: ADULT, grants: [{ category: 'groceries', purpose: 'offers' }] });
    // As a sign-up leaves it: the column is null until the link is followed.
    await tdb.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', unverified).execute();
    const memberNo = async (id: string) => (await tdb.db.selectFrom('users').select('member_no').where('id', '=', id).executeTakeFirstOrThrow()).member_no;

    expect(await countWithSql(tdb.db, everyone)).toBe(1);
    expect(await engine.count(everyone)).toBe(1);
    expect([...(await memberNumbersWithSql(tdb.db, everyone))]).toEqual([await memberNo(verified)]);

    await tdb.db.updateTable('users').set({ email_verified_at: new Date() }).where('id', '=', unverified).execute();
    expect(await countWithSql(tdb.db, everyone)).toBe(2);
    // The users trigger feeds the change, so the running index picks the member up without a rebuild.
    expect(await engine.count(everyone)).toBe(2);
    engine.stop();
  });
});
