import { createHash } from 'node:crypto';

/**
 * A member set as stored with a delivery: ascending member numbers, 4 bytes each, little-endian.
 * The hash is over exactly these bytes, so the same people give the same hash however they were found.
 */
export function encodeMemberSet(memberNos: Uint32Array): Buffer {
  assertAscending(memberNos);
  const bytes = Buffer.alloc(memberNos.length * 4);
  for (let i = 0; i < memberNos.length; i++) bytes.writeUInt32LE(memberNos[i]!, i * 4);
  return bytes;
}

export function decodeMemberSet(bytes: Uint8Array): Uint32Array {
  if (bytes.byteLength % 4 !== 0) throw new RangeError('A stored member set must be a whole number of 4-byte member numbers.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

export function hashMemberNumbers(memberNos: Uint32Array): string {
  return createHash('sha256').update('dd/member-numbers/v1\u0000').update(encodeMemberSet(memberNos)).digest('hex');
}

function assertAscending(memberNos: Uint32Array): void {
  for (let i = 1; i < memberNos.length; i++) {
    if (memberNos[i]! <= memberNos[i - 1]!) throw new RangeError('Member numbers must be strictly ascending.');
  }
}

/**
 * |a Δ b| for two ascending lists, but stops counting at `limit`: the differencing defence only
 * needs to know whether two sets differ by fewer than k people, and sets that differ a lot reach the
 * limit after a few steps.
 */
export function symmetricDifferenceAtLeast(a: Uint32Array, b: Uint32Array, limit: number): number {
  let i = 0;
  let j = 0;
  let diff = 0;
  while (i < a.length && j < b.length && diff < limit) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      i++;
      j++;
    } else if (x < y) {
      diff++;
      i++;
    } else {
      diff++;
      j++;
    }
  }
  return Math.min(limit, diff + (a.length - i) + (b.length - j));
}
