import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import { sql, type Db } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { insertAudienceMember } from '@dd/audience/testing';
import { DEFAULT_PRIVACY_SETTINGS, budgetPeriod, createPrivacyAccountant, type PrivacySettings } from '@dd/privacy';
import { knownMunicipalities } from '@dd/segments';
import { createInsightReportService } from './insight-report.service';

const K = 10;
const settings: PrivacySettings = {
  ...DEFAULT_PRIVACY_SETTINGS,
  minimumAudience: K,
  cellThreshold: 3,
  tableEpsilonMicro: 250_000,
  // The audience release decides k; its noise is almost surely zero at this epsilon, so sizes near k are predictable.
  audienceEpsilonMicro: 10_000_000,
  // Two reports of two tables (10 + 2 × 0.25 each) per member and month.
  memberMonthlyEpsilonMicro: 21_000_000,
  advertiserMonthlyEpsilonMicro: 1_000_000_000,
};
const accountantOf = (custom: PrivacySettings) => createPrivacyAccountant({ db, settings: custom });
const advertiserSpend = (organisationId: string) => accountantOf(settings).spent({ organisationId, kvkNumber: null }, 'purchases');
const memberSpend = (customerId: string) => accountantOf(settings).memberSpent(customerId);
const PROVINCES = ['NL-UT', 'NL-NH', 'NL-ZH'] as const;
/** The first 2k members each live in a municipality of their own: segments of any exact size 1..2k. */
const TOWNS = [...knownMunicipalities().keys()].slice(0, 2 * K);

let tdb: TestDatabase;
let db: Db;
/** customer id → the index used to give them their features */
const population: string[] = [];

async function organisation(name = `Adverteerder ${randomUUID().slice(0, 6)}`) {
  const row = await db.insertInto('organisations').values({ name, industry: 'retail' }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, industry: 'retail' as string | null };
}

async function addMember(i: number) {
  const id = await insertAudienceMember(db, {
    birthYear: 1980 + (i % 30),
    features: {
      isAdult: true, ageBand: ['25-34', '35-44', '45-54'][i % 3]!, province: PROVINCES[i % 3]!, municipality: TOWNS[i] ?? null,
      householdBand: ['single', 'two'][i % 2]!, interests: [i === 0 ? 'sport' : 'travel'],
      spendBands: i < 5 ? { groceries: i + 1 } : {},
    },
    grants: [...PROFILE_CATEGORY_CODES, 'groceries'].map((category) => ({ category, purpose: 'insights' as const })),
  });
  population.push(id);
  return id;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  for (let i = 0; i < 150; i++) await addMember(i);
}, 60_000);
afterAll(async () => {
  await tdb.drop();
});

const everyoneIn = (...provinces: string[]) => ({ field: 'province', in: provinces });

describe('insight reports and the privacy ledger', () => {
  it('produces noisy tables with their epsilon, charges once, and re-sends the stored result on retry', async () => {
    // A large epsilon makes the noise almost surely tiny, so which cells show is predictable.
    const service = createInsightReportService({ db, settings: { ...settings, tableEpsilonMicro: 5_000_000, cellThreshold: 20, memberMonthlyEpsilonMicro: 100_000_000 } });
    const org = await organisation();
    const request = { jobKey: `job-${randomUUID()}`, organisation: org, title: 'Utrecht by age', segment: everyoneIn('NL-UT'), breakdowns: ['ageBand', 'householdBand'] };
    const first = await service.produce(request);
    expect(first.status).toBe('charged');
    if (first.status !== 'charged') return;
    expect(first.epsilon).toBe('10');
    expect(first.tables.map((t) => [t.breakdown, t.epsilon])).toEqual([['ageBand', '5'], ['householdBand', '5']]);
    // Every public cell is listed, zeros included (suppressed), and shown counts are integers.
    const ages = first.tables[0]!.cells;
    expect(ages.map((c) => c.key)).toContain('65+');
    expect(ages.find((c) => c.key === '65+')?.suppressed).toBe(true);
    // All 50 Utrecht members are 25-34 in this population.
    expect(ages.find((c) => c.key === '25-34')).toMatchObject({ suppressed: false });
    for (const cell of ages) if (!cell.suppressed) expect(Number.isInteger(cell.count)).toBe(true);

    // The organisation paid the audience release and the tables; each member the whole report.
    const spentAfterFirst = await advertiserSpend(org.id);
    expect(spentAfterFirst).toBe(settings.audienceEpsilonMicro + 10_000_000);
    const retried = await Promise.all([service.produce(request), service.produce(request)]);
    expect(retried).toEqual([first, first]);
    expect(await advertiserSpend(org.id)).toBe(spentAfterFirst);
    const utrecht = population.filter((_, i) => i % 3 === 0);
    expect(await memberSpend(utrecht[0]!)).toBe(settings.audienceEpsilonMicro + 10_000_000);
    expect(await memberSpend(population[1]!)).toBe(0);
    // The tables shown are the ledger's release, word for word.
    const release = await db.selectFrom('privacy_releases').select(['value', 'epsilon_micro']).where('kind', '=', 'report').where('release_key', '=', request.jobKey).executeTakeFirstOrThrow();
    expect(release).toEqual({ value: { epsilon: first.epsilon, tables: first.tables }, epsilon_micro: 10_000_000 });
  });

  it('leaves out members whose monthly budget is spent, and refuses once too few are left', async () => {
    const service = createInsightReportService({ db, settings });
    const org = await organisation();
    const ask = () => service.produce({ jobKey: `job-${randomUUID()}`, organisation: org, title: 'NH', segment: everyoneIn('NL-NH'), breakdowns: ['ageBand', 'province'] });
    const outcomes = [await ask(), await ask(), await ask()];
    // Budget 21, each report 10.5: two reports, then everyone in Noord-Holland has used their month.
    expect(outcomes.map((o) => o.status)).toEqual(['charged', 'charged', 'refused']);
    // Decided on the released audience: the refusal says no more than any "fewer than k" does.
    expect(outcomes[2]!.status === 'refused' && outcomes[2]!.reason).toMatch(/Fewer than 10 people/);
    const nh = population.filter((_, i) => i % 3 === 1);
    for (const id of nh.slice(0, 5)) expect(await memberSpend(id)).toBe(21_000_000);
    const usage = await service.memberUsage(nh[0]!);
    expect(usage).toMatchObject({ budget: '21', used: '21', usedShare: 1 });
    expect(usage.reports).toHaveLength(2);
    expect(usage.reports[0]).toMatchObject({ title: 'NH', epsilon: '10.5' });
  });

  it('refuses a report that would overspend the advertiser budget and charges nobody for it', async () => {
    const service = createInsightReportService({ db, settings: { ...settings, advertiserMonthlyEpsilonMicro: 10_400_000, memberMonthlyEpsilonMicro: 100_000_000 } });
    const org = await organisation();
    const outcome = await service.produce({ jobKey: `job-${randomUUID()}`, organisation: org, title: 'Too much', segment: everyoneIn('NL-ZH'), breakdowns: ['ageBand', 'province'] });
    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' && outcome.reason).toMatch(/privacy budget/);
    expect(await advertiserSpend(org.id)).toBe(0);
    expect(await memberSpend(population[2]!)).toBe(0);
  });

  it('delivers two audiences that differ by one person: no exact-set refusal, each a paid release', async () => {
    const service = createInsightReportService({ db, settings: { ...settings, memberMonthlyEpsilonMicro: 100_000_000 } });
    const [attacker, accomplice] = [await organisation(), await organisation()];
    const wide = { op: 'any', of: [{ field: 'interest', in: ['travel'] }, { field: 'interest', in: ['sport'] }] };
    const narrow = { field: 'interest', in: ['travel'] };
    const first = await service.produce({ jobKey: `job-${randomUUID()}`, organisation: attacker, title: 'Wide', segment: wide, breakdowns: ['householdBand'] });
    const second = await service.produce({ jobKey: `job-${randomUUID()}`, organisation: accomplice, title: 'Narrow', segment: narrow, breakdowns: ['householdBand'] });
    // A refusal of the second would say exactly that the one person is in the first: both are delivered.
    expect([first.status, second.status]).toEqual(['charged', 'charged']);
    for (const org of [attacker, accomplice]) expect(await advertiserSpend(org.id)).toBe(settings.audienceEpsilonMicro + settings.tableEpsilonMicro);
  });

  it('never delivers to fewer than k people, for true sizes 1..2k, deciding on the released audience', async () => {
    const service = createInsightReportService({ db, settings: { ...settings, memberMonthlyEpsilonMicro: 1_000_000_000 } });
    const org = await organisation();
    const outcomes = [];
    for (let size = 1; size <= 2 * K; size++) {
      outcomes.push(await service.produce({ jobKey: `job-size-${size}-${randomUUID()}`, organisation: org, title: `Size ${size}`, segment: { field: 'municipality', in: TOWNS.slice(0, size) }, breakdowns: ['ageBand'] }));
    }
    outcomes.slice(0, K - 1).forEach((outcome) => expect(outcome.status === 'refused' && outcome.reason).toMatch(/Fewer than 10 people/));
    outcomes.slice(K - 1).forEach((outcome) => expect(outcome.status).toBe('charged'));
    // Each refusal was decided on a release, and that release stays paid for.
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from privacy_releases where kind = 'audience' and release_key like 'job-size-%' and organisation_id = ${org.id}`.execute(db);
    expect(rows[0]!.n).toBe(2 * K);
    const { rows: small } = await sql<{ n: number }>`select count(*)::int as n from privacy_reports where status = 'charged' and member_count < ${K}`.execute(db);
    expect(small[0]!.n).toBe(0);
  });

  it('never overspends a budget under 100 parallel report jobs with retries', async () => {
    const tight: PrivacySettings = { ...settings, audienceEpsilonMicro: 500_000, memberMonthlyEpsilonMicro: 1_500_000, advertiserMonthlyEpsilonMicro: 6_000_000 };
    // A month of its own, so what the tests above charged does not count.
    const now = () => new Date('2027-03-15T12:00:00Z');
    const service = createInsightReportService({ db, settings: tight, now });
    const orgs = [await organisation(), await organisation()];
    const segments = [everyoneIn('NL-UT'), everyoneIn('NL-UT', 'NL-NH'), everyoneIn('NL-ZH'), { field: 'householdBand', in: ['two'] }, { field: 'ageBand', in: ['35-44', '45-54'] }];
    const jobs = Array.from({ length: 100 }, (_, i) => ({
      jobKey: `parallel-${randomUUID()}`,
      organisation: orgs[i % 2]!,
      title: `Parallel ${i}`,
      segment: segments[i % segments.length]!,
      breakdowns: ['householdBand'],
    }));
    // Each job runs twice at once (a retry racing the original).
    const outcomes = await Promise.all(jobs.flatMap((job) => [service.produce(job), service.produce(job)]));
    for (let i = 0; i < outcomes.length; i += 2) expect(outcomes[i]).toEqual(outcomes[i + 1]);
    expect(outcomes.some((o) => o.status === 'charged')).toBe(true);

    const period = budgetPeriod(now());
    const { rows: members } = await sql<{ over: number; mismatched: number }>`
      select count(*) filter (where s.spent_micro > ${tight.memberMonthlyEpsilonMicro})::int as over,
             count(*) filter (where s.spent_micro <> coalesce(c.total, 0))::int as mismatched
      from member_privacy_spend s
      left join (select customer_id, sum(ch.epsilon_micro) as total from member_release_charges ch
                 join privacy_releases r on r.id = ch.release_id where r.period = ${period} group by customer_id) c
        on c.customer_id = s.customer_id
      where s.period = ${period} and s.customer_id in (select customer_id from member_release_charges ch join privacy_releases r on r.id = ch.release_id where r.label like 'Parallel %')`.execute(db);
    expect(members[0]).toEqual({ over: 0, mismatched: 0 });
    for (const org of orgs) {
      const spent = await createPrivacyAccountant({ db, settings: tight, now }).spent({ organisationId: org.id, kvkNumber: null }, 'purchases');
      expect(spent).toBeLessThanOrEqual(tight.advertiserMonthlyEpsilonMicro);
      const { rows } = await sql<{ total: number }>`select coalesce(sum(epsilon_micro), 0)::int as total from privacy_releases where organisation_id = ${org.id}`.execute(db);
      expect(spent).toBe(rows[0]!.total);
    }
  }, 120_000);
});
