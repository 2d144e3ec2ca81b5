import { sql, type Database, type Db, type DbTransaction, type Purpose } from '@dd/db';
import { DomainError } from '@dd/errors';
import { decodeMemberSet, encodeMemberSet, hashMemberNumbers, symmetricDifferenceAtLeast } from './member-set';

export const SKETCH_BUCKETS = 256;

/** Members per bucket of a fixed hash of the member number. */
export function sketchOf(memberNos: Uint32Array): Uint32Array {
  const sketch = new Uint32Array(SKETCH_BUCKETS);
  for (let i = 0; i < memberNos.length; i++) sketch[Math.imul(memberNos[i]!, 0x9e3779b1) >>> 24]!++;
  return sketch;
}

/** Stored form of a sketch: 4 bytes per bucket, little-endian. */
export function encodeSketch(sketch: Uint32Array): Buffer {
  const bytes = Buffer.alloc(SKETCH_BUCKETS * 4);
  for (let i = 0; i < SKETCH_BUCKETS; i++) bytes.writeUInt32LE(sketch[i]!, i * 4);
  return bytes;
}

/**
 * Every member counted in a bucket where the other set has fewer is a member the other set lacks,
 * so the L1 distance of two sketches is a lower bound of |A Δ B|. Reads the stored bytes directly.
 */
export function sketchDistance(sketch: Uint32Array, stored: Buffer): number {
  let distance = 0;
  for (let i = 0; i < SKETCH_BUCKETS; i++) distance += Math.abs(sketch[i]! - stored.readUInt32LE(i * 4));
  return distance;
}

export type DeliveryRefusal = 'below_minimum' | 'differencing';

export class DeliveryRefusedError extends DomainError {
  constructor(readonly refusal: DeliveryRefusal, message: string) {
    super('CONFLICT', message, { refusal });
  }
}

export interface DeliveryInput {
  jobKey: string;
  organisationId: string;
  purpose: Purpose;
  /** Ascending member numbers of the frozen member set. */
  memberNos: Uint32Array;
}

/**
 * The differencing defence. Two deliveries whose member sets differ by a handful of people let
 * whoever holds both (one advertiser, or several who pool what they got) learn about exactly those
 * people. So a delivery is refused when its member set differs from ANY earlier delivery, of any
 * advertiser, by fewer than k members without being identical (an identical set reveals nothing
 * new). Deliveries below k are refused outright.
 *
 * Runs inside the delivering transaction, under a transaction-level advisory lock, so two
 * deliveries cannot both pass against each other. Fast with thousands of earlier deliveries: only
 * sets within k in size can be that close, a 256-bucket sketch rules out nearly all of those, and
 * the exact merge stops as soon as it has counted k differences. Idempotent per job key.
 */
export async function recordDelivery(trx: DbTransaction<Database>, input: DeliveryInput, minimumAudience: number): Promise<{ id: string; memberCount: number }> {
  const existing = await trx.selectFrom('audience_deliveries').select(['id', 'member_count']).where('job_key', '=', input.jobKey).executeTakeFirst();
  if (existing) return { id: existing.id, memberCount: existing.member_count };
  const n = input.memberNos.length;
  if (n < minimumAudience) throw new DeliveryRefusedError('below_minimum', belowMinimumMessage(minimumAudience));
  await sql`select pg_advisory_xact_lock(hashtext('audience_deliveries'))`.execute(trx);
  const hash = hashMemberNumbers(input.memberNos);
  const sketch = sketchOf(input.memberNos);
  if (await tooCloseToEarlier(trx, input.memberNos, hash, sketch, minimumAudience)) {
    throw new DeliveryRefusedError('differencing', differencingMessage(minimumAudience));
  }
  const row = await trx
    .insertInto('audience_deliveries')
    .values({ job_key: input.jobKey, organisation_id: input.organisationId, purpose: input.purpose, member_count: n, members_hash: hash, sketch: encodeSketch(sketch), members: encodeMemberSet(input.memberNos) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, memberCount: n };
}

/**
 * What recordDelivery would refuse this member set for right now, without recording anything: for
 * a moderator deciding whether a request can ever be delivered. No lock, since nothing is written;
 * the delivery itself checks again under the lock.
 */
export async function checkDelivery(db: Db | DbTransaction<Database>, memberNos: Uint32Array, minimumAudience: number): Promise<DeliveryRefusal | null> {
  if (memberNos.length < minimumAudience) return 'below_minimum';
  const close = await tooCloseToEarlier(db, memberNos, hashMemberNumbers(memberNos), sketchOf(memberNos), minimumAudience);
  return close ? 'differencing' : null;
}

const belowMinimumMessage = (k: number) => `Fewer than ${k} people are in this audience now, so nothing can be delivered.`;
const differencingMessage = (k: number) =>
  `This audience differs by fewer than ${k} people from an audience that was delivered before. Together the two would single out those people, so it cannot be delivered; broaden or change the criteria.`;

/** Whether an earlier delivery differs from this set by fewer than k members without being identical. */
async function tooCloseToEarlier(
  db: Db | DbTransaction<Database>,
  memberNos: Uint32Array,
  hash: string,
  sketch: Uint32Array,
  minimumAudience: number,
): Promise<boolean> {
  const n = memberNos.length;
  const candidates = await db
    .selectFrom('audience_deliveries')
    .select(['id', 'members_hash', 'sketch'])
    .where('member_count', '>', n - minimumAudience)
    .where('member_count', '<', n + minimumAudience)
    .execute();
  for (const candidate of candidates) {
    if (candidate.members_hash === hash) continue;
    if (sketchDistance(sketch, candidate.sketch) >= minimumAudience) continue;
    const { members } = await db.selectFrom('audience_deliveries').select('members').where('id', '=', candidate.id).executeTakeFirstOrThrow();
    if (symmetricDifferenceAtLeast(memberNos, decodeMemberSet(members), minimumAudience) < minimumAudience) return true;
  }
  return false;
}
