import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { popcountWord } from '../bitset';
import { BitsetArena } from '../bitset-arena';
import { BITSET_KERNELS_WASM_BASE64 } from './bitset-kernels.wasm';
import { compileKernels } from './compile-kernels';
import { kernelsModuleSource } from './generate-kernels';

describe('bitset kernels', () => {
  it('are committed as exactly the bytes their WAT assembles to (run generate-kernels.ts after editing the WAT)', async () => {
    const bytes = await compileKernels();
    expect(Buffer.from(BITSET_KERNELS_WASM_BASE64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(kernelsModuleSource(bytes)).toContain(BITSET_KERNELS_WASM_BASE64.slice(0, 100));
  });

  // 16-word units, as the index hands them to the kernels.
  const wordsArb = fc.integer({ min: 0, max: 6 }).chain((units) => fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: units * 16, maxLength: units * 16 }));
  const pairArb = wordsArb.chain((a) => fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: a.length, maxLength: a.length }).map((b) => [a, b] as const));

  /** Both inputs in a fresh arena; returns their offsets, their views and the kernels. */
  function load(a: readonly number[], b: readonly number[]) {
    const arena = new BitsetArena(Math.max(a.length, 16), 0, 2);
    const [x, y] = [arena.allocate().bits, arena.allocate().bits].map((bits) => arena.rebind(bits));
    x!.set(a);
    y!.set(b);
    return { k: arena.kernels, x: x!, y: y!, bytes: a.length * 4 };
  }
  const words = (op: (a: number, b: number) => number, a: readonly number[], b: readonly number[]) => a.map((w, i) => op(w, b[i]!) >>> 0);
  const count = (xs: readonly number[]) => xs.reduce((n, w) => n + popcountWord(w), 0);

  it('compute what the plain word loops compute', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const cases: [string, (l: ReturnType<typeof load>) => void, number[]][] = [
          ['or', (l) => l.k.or(l.x.byteOffset, l.y.byteOffset, l.bytes), words((p, q) => p | q, a, b)],
          ['and', (l) => l.k.and(l.x.byteOffset, l.y.byteOffset, l.bytes), words((p, q) => p & q, a, b)],
          ['andNot', (l) => l.k.andNot(l.x.byteOffset, l.y.byteOffset, l.bytes), words((p, q) => p & ~q, a, b)],
          ['complement', (l) => l.k.complement(l.x.byteOffset, l.y.byteOffset, l.bytes), words((p, q) => q & ~p, a, b)],
          ['copy', (l) => l.k.copy(l.x.byteOffset, l.y.byteOffset, l.bytes), [...b]],
          ['zero', (l) => l.k.zero(l.x.byteOffset, l.bytes), a.map(() => 0)],
          ['or2', (l) => l.k.or2(l.x.byteOffset, l.x.byteOffset, l.y.byteOffset, l.bytes), words((p, q) => p | q, a, b)],
        ];
        for (const [name, run, expected] of cases) {
          const loaded = load(a, b);
          run(loaded);
          expect({ name, words: [...loaded.x.subarray(0, a.length)] }).toEqual({ name, words: expected });
        }
        const loaded = load(a, b);
        const { k, x, y, bytes } = loaded;
        expect(k.popcount(x.byteOffset, bytes)).toBe(count(a));
        expect(k.andCount(x.byteOffset, y.byteOffset, bytes)).toBe(count(words((p, q) => p & q, a, b)));
        expect(k.andNotCount(x.byteOffset, y.byteOffset, bytes)).toBe(count(words((p, q) => p & ~q, a, b)));
        expect([...x.subarray(0, a.length)]).toEqual([...a]);
      }),
      { numRuns: 200 },
    );
  });
});
