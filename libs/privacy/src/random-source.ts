import { createHmac, randomBytes, randomInt } from 'node:crypto';

/**
 * Where the mechanisms get their randomness: one uniform integer in [0, exclusiveMax) at a time.
 * Everything above this interface is exact integer arithmetic, so the output distribution is
 * exactly the one analysed, provided the source is uniform.
 */
export interface RandomSource {
  uniformBigInt(exclusiveMax: bigint): bigint;
}

/** node:crypto's randomInt accepts ranges below 2^48; wider ranges use rejection over random bytes. */
const RANDOM_INT_LIMIT = 2n ** 48n;

function assertRange(exclusiveMax: bigint): void {
  if (typeof exclusiveMax !== 'bigint' || exclusiveMax <= 0n) {
    throw new RangeError('uniformBigInt needs a positive bigint exclusive maximum.');
  }
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/** Fresh, unpredictable randomness from the operating system's CSPRNG. */
export function cryptoRandomSource(): RandomSource {
  return {
    uniformBigInt(exclusiveMax: bigint): bigint {
      assertRange(exclusiveMax);
      if (exclusiveMax === 1n) return 0n;
      if (exclusiveMax < RANDOM_INT_LIMIT) return BigInt(randomInt(Number(exclusiveMax)));
      const bits = bitLength(exclusiveMax - 1n);
      const bytes = Math.ceil(bits / 8);
      const mask = (1n << BigInt(bits)) - 1n;
      // Rejection keeps the draw exactly uniform; each try succeeds with probability above 1/2.
      for (;;) {
        const candidate = BigInt(`0x${randomBytes(bytes).toString('hex')}`) & mask;
        if (candidate < exclusiveMax) return candidate;
      }
    },
  };
}

const STREAM_LABEL = Buffer.from('dd/privacy/noise-stream/v1', 'utf8');
const MIN_KEY_BYTES = 16;

/**
 * A deterministic random bit generator: HMAC-SHA256(key, label || block counter) in counter mode,
 * read bit by bit. The same key always yields the same stream, which is how the same question
 * about the same members in the same snapshot gets the same noisy answer instead of a fresh draw
 * that could be averaged away. The key must be secret (derive it with `deriveNoiseKey` from a
 * server secret): anyone who can compute it can also compute the noise and subtract it.
 */
export function keyedRandomSource(key: Uint8Array): RandomSource {
  if (!(key instanceof Uint8Array) || key.length < MIN_KEY_BYTES) {
    throw new RangeError(`A keyed random source needs a key of at least ${MIN_KEY_BYTES} bytes.`);
  }
  const keyCopy = Buffer.from(key);
  let counter = 0n;
  let block = Buffer.alloc(0);
  let byteIndex = 0;
  let bitsLeft = 0;
  let currentByte = 0;

  function nextByte(): void {
    if (byteIndex >= block.length) {
      const counterBytes = Buffer.alloc(8);
      counterBytes.writeBigUInt64BE(counter);
      counter += 1n;
      block = createHmac('sha256', keyCopy).update(STREAM_LABEL).update(counterBytes).digest();
      byteIndex = 0;
    }
    currentByte = block[byteIndex++] ?? 0;
    bitsLeft = 8;
  }

  /** The next `count` bits of the stream, most significant first. */
  function takeBits(count: number): bigint {
    // Small draws (the common case: coin flips and small uniforms) stay in exact float integers.
    let small = 0;
    let big = 0n;
    let smallBits = 0;
    let remaining = count;
    while (remaining > 0) {
      if (bitsLeft === 0) nextByte();
      const take = Math.min(remaining, bitsLeft);
      const chunk = (currentByte >> (bitsLeft - take)) & ((1 << take) - 1);
      bitsLeft -= take;
      remaining -= take;
      small = small * (1 << take) + chunk;
      smallBits += take;
      if (smallBits >= 40) {
        big = (big << BigInt(smallBits)) | BigInt(small);
        small = 0;
        smallBits = 0;
      }
    }
    return (big << BigInt(smallBits)) | BigInt(small);
  }

  return {
    uniformBigInt(exclusiveMax: bigint): bigint {
      assertRange(exclusiveMax);
      if (exclusiveMax === 1n) return 0n;
      const bits = bitLength(exclusiveMax - 1n);
      for (;;) {
        const candidate = takeBits(bits);
        if (candidate < exclusiveMax) return candidate;
      }
    },
  };
}
