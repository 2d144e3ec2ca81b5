import { BITSET_KERNELS_WASM_BASE64 } from './bitset-kernels.wasm';
import { wasm, type WasmMemory } from './webassembly';

/**
 * The word loops of the index as WebAssembly SIMD (bitset-kernels.wat): 128-bit AND/OR/ANDNOT and
 * a 64-bit popcount, four to eight times the words per instruction of a JavaScript loop. Pointers
 * are byte offsets into the arena's memory; lengths are multiples of 64 bytes.
 */
export interface BitsetKernels {
  or(dst: number, src: number, bytes: number): void;
  or2(dst: number, a: number, b: number, bytes: number): void;
  and(dst: number, src: number, bytes: number): void;
  andNot(dst: number, src: number, bytes: number): void;
  /** dst = universe & ~dst */
  complement(dst: number, universe: number, bytes: number): void;
  copy(dst: number, src: number, bytes: number): void;
  zero(dst: number, bytes: number): void;
  popcount(ptr: number, bytes: number): number;
  /** popcount(dst & src), dst left as it was */
  andCount(dst: number, src: number, bytes: number): number;
  /** popcount(dst & ~src), dst left as it was */
  andNotCount(dst: number, src: number, bytes: number): number;
}

/** Compiled once per process: the module is a few hundred bytes and compiles synchronously. */
const kernelsModule = new wasm.Module(Buffer.from(BITSET_KERNELS_WASM_BASE64, 'base64'));

export function instantiateKernels(memory: WasmMemory): BitsetKernels {
  return new wasm.Instance(kernelsModule, { env: { memory } }).exports as unknown as BitsetKernels;
}
