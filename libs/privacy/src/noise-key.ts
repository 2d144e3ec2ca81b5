import { createHash, createHmac } from 'node:crypto';

/** Server secrets shorter than this are too easy to guess; a guessed secret reveals the noise. */
export const MIN_SECRET_BYTES = 32;

function toBytes(value: string | Uint8Array): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
}

/** Each field is length-prefixed so that ("ab", "c") and ("a", "bc") never collide. */
function encodeFields(fields: readonly (string | Uint8Array)[]): Buffer {
  const parts: Buffer[] = [];
  for (const field of fields) {
    const bytes = toBytes(field);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    parts.push(length, bytes);
  }
  return Buffer.concat(parts);
}

/**
 * A digest of *who* was counted, independent of how the criteria were written or in which order
 * the members came back: two differently phrased segments with the same members must get the
 * same noise, or asking both would reveal two independent draws. Ids must be stable internal
 * member ids (not per-query pseudonyms).
 */
export function hashMemberSet(memberIds: Iterable<string | number | bigint>): string {
  const unique = [...new Set([...memberIds].map((id) => String(id)))].sort();
  return createHash('sha256').update(encodeFields(['dd/member-set/v1', ...unique])).digest('hex');
}

/** The public identity of one counting question: which members, in which data snapshot, for which purpose. */
export function noiseKeyMaterial(parts: { memberSetHash: string; snapshotId: string; purpose: string }): string {
  return encodeFields(['dd/noise-key/v1', parts.memberSetHash, parts.snapshotId, parts.purpose]).toString('base64');
}

/** HMAC-SHA256(secret, fields): the secret key for `keyedRandomSource`. */
export function deriveNoiseKey(secret: string | Uint8Array, ...fields: (string | Uint8Array)[]): Buffer {
  const secretBytes = toBytes(secret);
  if (secretBytes.length < MIN_SECRET_BYTES) {
    throw new RangeError(`The noise secret must be at least ${MIN_SECRET_BYTES} bytes.`);
  }
  return createHmac('sha256', secretBytes).update(encodeFields(fields)).digest();
}
