import { createHash } from 'node:crypto';

/**
 * Dense bitsets over member numbers: bit n of word n >>> 5 says whether member n is in the set.
 * Dense words beat compressed bitmaps here because almost every feature covers a sizeable share of
 * the population, and a 1M-member set is only 31,250 words that the CPU streams through.
 */
export type Bits = Uint32Array<ArrayBuffer>;

export function wordsFor(capacity: number): number {
  return (capacity + 31) >>> 5;
}

export function setBit(bits: Bits, n: number): void {
  bits[n >>> 5]! |= 1 << (n & 31);
}

export function clearBit(bits: Bits, n: number): void {
  bits[n >>> 5]! &= ~(1 << (n & 31));
}

export function hasBit(bits: Bits, n: number): boolean {
  return (bits[n >>> 5]! & (1 << (n & 31))) !== 0;
}

/** SWAR population count: five arithmetic steps per word, no table, no branches. */
export function popcountWord(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export function popcount(bits: Bits): number {
  let total = 0;
  for (let i = 0; i < bits.length; i++) total += popcountWord(bits[i]!);
  return total;
}





/** The member numbers in the set, ascending. */
export function toMemberNumbers(bits: Bits): Uint32Array {
  const out = new Uint32Array(popcount(bits));
  let k = 0;
  for (let i = 0; i < bits.length; i++) {
    let word = bits[i]!;
    while (word !== 0) {
      const low = word & -word;
      out[k++] = (i << 5) + (31 - Math.clz32(low));
      word ^= low;
    }
  }
  return out;
}

/** A copy with `words` words, zero-padded or cut. */
export function resized(bits: Bits, words: number): Bits {
  const next = new Uint32Array(words);
  next.set(bits.length <= words ? bits : bits.subarray(0, words));
  return next;
}

/** A digest of the set itself: trailing empty words are ignored, so growing the index never changes it. */
export function hashBitset(bits: Bits): string {
  let end = bits.length;
  while (end > 0 && bits[end - 1] === 0) end--;
  const view = Buffer.from(bits.buffer, bits.byteOffset, end * 4);
  return createHash('sha256').update('dd/member-bitset/v1\u0000').update(view).digest('hex');
}
