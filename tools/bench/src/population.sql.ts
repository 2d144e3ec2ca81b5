import { CONSENT_POLICY, CONSENT_POLICY_HASH } from '@dd/consent';
import {
  ADULT_AGE_BANDS,
  CONSENT_CATEGORY_LIST,
  CONSENT_TIERS,
  ERASURE_REQUESTED_SHARE,
  EXCLUDE_CHANCE,
  EXCLUDER_SHARE,
  GRANT_ENDS,
  HOUSEHOLDS_BY_AGE,
  INDUSTRY_LIST,
  INTEREST_CHANCE,
  INTERESTS,
  KIDS_IN_FAMILY,
  MINOR_SHARE,
  MINOR_STALE_CONSENT_SHARE,
  OFFERS_FACTOR,
  PETS_WITH_INTEREST,
  PROVINCE_POPULATION,
  SENSITIVE,
  SPEND,
  SPEND_CATEGORIES,
  UNEXCLUDED_SHARE,
  UNKNOWN_AGE_SHARE,
  UNKNOWN_HOUSEHOLD_SHARE,
  UNKNOWN_REGION_SHARE,
  WITHDRAWN_SHARE,
  WITHOUT_FEATURES_SHARE,
  consentChance,
  municipalitiesByProvince,
  type Weighted,
} from './population.model';

/**
 * The statements that write one slice of the population, set-based: every random choice is a
 * uniform number derived from (seed, customer number, what is being chosen) by PostgreSQL's
 * hashint8extended, so the same seed gives the same people on every run, for any slice size and
 * in any order, without shipping a single row from Node.
 */

/** Email domain of benchmark customers (never a real person, never the seed's domain). */
export const BENCH_EMAIL_DOMAIN = 'bench.datadividend.test';
/** Consent decisions written by the generator say where they came from. */
export const BENCH_CONSENT_SOURCE = 'bench';

const SALTS = [
  'age', 'province', 'municipality', 'household', 'household-null', 'features', 'erasure', 'insights', 'offers',
  'recorded', 'excluder', 'region-null', 'interest', 'spend-presence', 'spend-band', 'grant', 'grant-end',
  'grant-days', 'withdrawn', 'exclude', 'unexclude',
] as const;
type Salt = (typeof SALTS)[number];

const literal = (value: string | null): string => (value === null ? 'null' : `'${value.replaceAll("'", "''")}'`);
const num = (value: number): string => {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
};

/** Cumulative thresholds of the weights (all but the last), scaled into lo..hi. */
function thresholds(weights: readonly number[], lo = 0, hi = 1): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.slice(0, -1).map((w) => {
    sum += w;
    return lo + ((hi - lo) * sum) / total;
  });
}

/** One value drawn by `uniform` (evaluated once) from weighted entries: width_bucket over the cumulative weights. */
function pick(uniform: string, entries: Weighted<string | null>, lo = 0, hi = 1): string {
  const values = entries.map(([value]) => literal(value)).join(', ');
  const cuts = thresholds(entries.map(([, w]) => w), lo, hi).map(num).join(', ');
  if (entries.length === 1) return `(${literal(entries[0]![0])})::text`;
  return `(array[${values}]::text[])[1 + width_bucket(${uniform}, array[${cuts}]::float8[])]`;
}

export interface PopulationSlice {
  /** Customer numbers from..to, inclusive, 1-based. */
  from: number;
  to: number;
}

export function populationSql(seed: number) {
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 2 ** 31) throw new RangeError('seed must be an integer 0..2^31');
  const salt = (name: Salt) => seed * 1000 + SALTS.indexOf(name) + 1;
  /** Uniform in [0, 1) from a bigint expression and a salt. */
  const u = (x: string, name: Salt) => `((hashint8extended(${x}, ${salt(name)}) & 4294967295)::float8 / 4294967296)`;
  const customerUuid = (i: string, kind: number) => `('00000000-0000-4000-${8000 + kind}-' || lpad(to_hex(${i}), 12, '0'))::uuid`;

  const adultBands = pick('r.u_age', ADULT_AGE_BANDS, MINOR_SHARE + UNKNOWN_AGE_SHARE, 1);
  const provinces = pick('r.u_province', Object.entries(PROVINCE_POPULATION));
  const municipalities = [...municipalitiesByProvince()]
    .map(([province, entries]) => `when ${literal(province)} then ${pick('p.u_municipality', entries)}`)
    .join(' ');
  const households = Object.entries(HOUSEHOLDS_BY_AGE)
    .map(([band, entries]) => `when ${literal(band)} then ${pick('p.u_household', entries)}`)
    .join(' ');
  const interestRows = INTERESTS.map((code, k) => {
    const [young, middle, old] = INTEREST_CHANCE[code];
    return `(${literal(code)}, ${k}, ${num(young)}, ${num(middle)}, ${num(old)})`;
  }).join(', ');
  const spendPairs = SPEND_CATEGORIES.map((category, k) => {
    const model = SPEND[category];
    if (!model) throw new Error(`population.model.ts has no spend model for the sellable category ${category}`);
    let presence = num(model.presence);
    if (category === 'pets') presence = `case when 'pets' = any(f.interests) then ${num(PETS_WITH_INTEREST)} else ${presence} end`;
    if (category === 'kids') {
      presence = `case when f.household_band in ('three_four', 'five_plus') and f.age_band in ('25-34', '35-44', '45-54') then ${num(KIDS_IN_FAMILY)} else ${presence} end`;
    }
    const band = `1 + width_bucket(${u(`f.i * 64 + ${k}`, 'spend-band')}, array[${thresholds(model.bands).map(num).join(', ')}]::float8[])`;
    return `${literal(category)}, case when ${u(`f.i * 64 + ${k}`, 'spend-presence')} < ${presence} then ${band} end`;
  }).join(',\n      ');

  const cells = CONSENT_CATEGORY_LIST.flatMap((category, j) => [
    `(${literal(category)}, 'insights', ${j * 2}, ${num(consentChance(category))})`,
    `(${literal(category)}, 'offers', ${j * 2 + 1}, ${num(consentChance(category) * OFFERS_FACTOR)})`,
  ]).join(', ');
  const industries = INDUSTRY_LIST.map((code, k) => `(${literal(code)}, ${k}, ${num(SENSITIVE.has(code) ? EXCLUDE_CHANCE.sensitive : EXCLUDE_CHANCE.other)})`).join(', ');
  const tier = (uniform: string, tiers: { none: number; all: number }) =>
    `case when ${uniform} < ${num(tiers.none)} then 'none' when ${uniform} < ${num(tiers.none + tiers.all)} then 'all' else 'some' end`;

  return {
    /**
     * The people of one slice with every per-person choice made, into a temporary table the other
     * statements of the slice read (dropped at commit).
     */
    people: (s: PopulationSlice) => `
      create temporary table bench_people on commit drop as
      select p.*,
        case p.kind
          when 'adult' then ${tier('p.u_insights', CONSENT_TIERS.insights)}
          when 'minor' then case when p.u_insights < ${num(MINOR_STALE_CONSENT_SHARE)} then 'some' else 'none' end
          else 'none' end as insights_tier,
        case when p.kind = 'adult' then ${tier('p.u_offers', CONSENT_TIERS.offers)} else 'none' end as offers_tier,
        now() - interval '1 day' * (30 + floor(p.u_recorded * 500)) as recorded_at
      from (
        select r.*,
          case when r.u_age < ${num(MINOR_SHARE)} then 'minor' when r.u_age < ${num(MINOR_SHARE + UNKNOWN_AGE_SHARE)} then 'unknown' else 'adult' end as kind,
          case when r.u_age < ${num(MINOR_SHARE)} then 'minor' when r.u_age < ${num(MINOR_SHARE + UNKNOWN_AGE_SHARE)} then null else ${adultBands} end as age_band,
          case when r.u_region_null < ${num(UNKNOWN_REGION_SHARE)} then null else ${provinces} end as province
        from (
          select g.i, ${customerUuid('g.i', 0)} as id,
            -- One change (change_id) for a person's decisions, another for later withdrawals; the same for industries.
            ${customerUuid('g.i * 2', 1)} as consent_change, ${customerUuid('g.i * 2 + 1', 1)} as withdrawal_change,
            ${customerUuid('g.i * 2', 2)} as exclusion_change, ${customerUuid('g.i * 2 + 1', 2)} as unexclusion_change,
            ${u('g.i', 'age')} as u_age, ${u('g.i', 'province')} as u_province, ${u('g.i', 'municipality')} as u_municipality,
            ${u('g.i', 'household')} as u_household, ${u('g.i', 'household-null')} as u_household_null,
            ${u('g.i', 'features')} as u_features, ${u('g.i', 'erasure')} as u_erasure, ${u('g.i', 'insights')} as u_insights,
            ${u('g.i', 'offers')} as u_offers, ${u('g.i', 'recorded')} as u_recorded, ${u('g.i', 'excluder')} as u_excluder,
            ${u('g.i', 'region-null')} as u_region_null
          from generate_series(${num(s.from)}::bigint, ${num(s.to)}::bigint) g(i)
          offset 0
        ) r
        offset 0
      ) p`,

    users: `
      insert into users (id, email, password_hash, role, display_name, locale, erasure_requested_at)
      select p.id, 'bench-' || p.i || '@${BENCH_EMAIL_DOMAIN}', '!bench-account-no-password', 'customer', 'Bench klant ' || p.i, 'nl',
        case when p.u_erasure < ${num(ERASURE_REQUESTED_SHARE)} then now() - interval '1 hour' end
      from bench_people p order by p.i`,

    features: `
      insert into customer_features (customer_id, is_adult, age_band, province, municipality, household_band, interests, spend_bands)
      select f.id, f.kind = 'adult', f.age_band, f.province, f.municipality, f.household_band, f.interests,
        jsonb_strip_nulls(jsonb_build_object(
      ${spendPairs}))
      from (
        select p.i, p.id, p.kind, p.age_band, p.province,
          case p.province ${municipalities} end as municipality,
          case when p.u_household_null < ${num(UNKNOWN_HOUSEHOLD_SHARE)} then null else case coalesce(p.age_band, 'unknown') ${households} end end as household_band,
          array(
            select v.code from (values ${interestRows}) v(code, k, young, middle, old)
            where ${u('p.i * 64 + v.k', 'interest')} < case when p.age_band in ('minor', '18-24') then v.young when p.age_band = '65+' then v.old else v.middle end
            order by v.k
          ) as interests
        from bench_people p
        where p.u_features >= ${num(WITHOUT_FEATURES_SHARE)}
        offset 0
      ) f`,

    /** Grants (per purpose tier and category), some with end dates, some later withdrawn; triggers fill consent_current. */
    consent: `
      insert into consent_decisions (customer_id, change_id, category, purpose, granted, expires_at, policy_version, policy_text_hash, source, recorded_at)
      select x.id, case when d.granted then x.consent_change else x.withdrawal_change end, x.category, x.purpose, d.granted, d.expires_at,
        ${literal(CONSENT_POLICY.version)}, ${literal(CONSENT_POLICY_HASH)}, ${literal(BENCH_CONSENT_SOURCE)}, d.recorded_at
      from (
        select y.id, y.consent_change, y.withdrawal_change, y.category, y.purpose, y.u_withdrawn, y.expires_at,
          case when y.u_end >= ${num(GRANT_ENDS.future)} and y.u_end < ${num(GRANT_ENDS.future + GRANT_ENDS.past)}
            then least(y.person_recorded_at, y.expires_at - interval '30 days') else y.person_recorded_at end as recorded_at
        from (
          select z.*,
            case
              when z.u_end < ${num(GRANT_ENDS.future)} then now() + interval '1 day' * (20 + floor(z.u_days * 700))
              when z.u_end < ${num(GRANT_ENDS.future + GRANT_ENDS.past)} then now() - interval '1 day' * (1 + floor(z.u_days * 300))
              when z.u_end < ${num(GRANT_ENDS.future + GRANT_ENDS.past + GRANT_ENDS.soon)} then now() + interval '3 hours' * z.u_days
            end as expires_at
          from (
            select p.id, p.consent_change, p.withdrawal_change, c.category, c.purpose, p.recorded_at as person_recorded_at,
              ${u('p.i * 64 + c.k', 'grant-end')} as u_end, ${u('p.i * 64 + c.k', 'grant-days')} as u_days,
              ${u('p.i * 64 + c.k', 'withdrawn')} as u_withdrawn
            from bench_people p
            cross join (values ${cells}) c(category, purpose, k, chance)
            where case c.purpose when 'insights' then p.insights_tier else p.offers_tier end = 'all'
               or (case c.purpose when 'insights' then p.insights_tier else p.offers_tier end = 'some' and ${u('p.i * 64 + c.k', 'grant')} < c.chance)
            offset 0
          ) z
          offset 0
        ) y
        offset 0
      ) x
      cross join lateral (values
        (true, x.expires_at, x.recorded_at),
        (false, null::timestamptz, x.recorded_at + (now() - x.recorded_at) * (x.u_withdrawn / ${num(WITHDRAWN_SHARE)}))
      ) d(granted, expires_at, recorded_at)
      where d.granted or x.u_withdrawn < ${num(WITHDRAWN_SHARE)}`,

    /** About one adult in ten excludes industries, mostly sensitive ones; a few later lift one. */
    exclusions: `
      insert into industry_exclusions (customer_id, change_id, industry, excluded, policy_version, recorded_at)
      select x.id, case when d.excluded then x.exclusion_change else x.unexclusion_change end, x.industry, d.excluded, ${literal(CONSENT_POLICY.version)}, d.recorded_at
      from (
        select p.id, p.exclusion_change, p.unexclusion_change, v.industry, p.recorded_at, ${u('p.i * 64 + v.k', 'unexclude')} as u_unexclude
        from bench_people p
        cross join (values ${industries}) v(industry, k, chance)
        where p.kind = 'adult' and p.u_excluder < ${num(EXCLUDER_SHARE)} and ${u('p.i * 64 + v.k', 'exclude')} < v.chance
        offset 0
      ) x
      cross join lateral (values (true, x.recorded_at), (false, x.recorded_at + (now() - x.recorded_at) * (x.u_unexclude / ${num(UNEXCLUDED_SHARE)}))) d(excluded, recorded_at)
      where d.excluded or x.u_unexclude < ${num(UNEXCLUDED_SHARE)}`,
  };
}
