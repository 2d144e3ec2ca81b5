import type { Bits } from './bitset';
import { instantiateKernels, type BitsetKernels } from './kernels/bitset-kernels';
import { wasm, type WasmMemory } from './kernels/webassembly';

const PAGE = 65_536;
/** Slots and scratch blocks are multiples of 16 words (64 bytes), the kernels' unit, so no loop has a tail. */
export const ALIGN_WORDS = 16;

export const alignedWords = (words: number) => Math.ceil(words / ALIGN_WORDS) * ALIGN_WORDS;

/**
 * One WebAssembly.Memory holding every bitset of an index, so the SIMD kernels can read them all.
 * The memory starts with `scratchBytes` of scratch space for the evaluator, then one slot of
 * `alignedWords(words)` words per bitset. A slot's padding words stay zero forever (bits are only
 * set below `words × 32`), so the kernels may run over them.
 *
 * Growing the memory detaches every view of it: the arena remembers each view's offset so its
 * owner can `rebind` them afterwards (`allocate` reports when that is needed).
 */
export class BitsetArena {
  readonly memory: WasmMemory;
  readonly kernels: BitsetKernels;
  readonly stride: number;
  private next: number;
  private readonly offsets = new WeakMap<Bits, number>();

  constructor(
    readonly words: number,
    readonly scratchBytes: number,
    expectedSlots = 8,
  ) {
    this.stride = alignedWords(words) * 4;
    this.next = scratchBytes;
    this.memory = new wasm.Memory({ initial: Math.ceil((scratchBytes + expectedSlots * this.stride) / PAGE) });
    this.kernels = instantiateKernels(this.memory);
  }

  get buffer(): ArrayBuffer {
    return this.memory.buffer;
  }

  /** A zeroed bitset in a new slot, and whether the memory grew (every older view must then be rebound). */
  allocate(): { bits: Bits; grew: boolean } {
    const offset = this.next;
    const end = offset + this.stride;
    let grew = false;
    if (end > this.memory.buffer.byteLength) {
      // Geometric growth: a full build allocates a few hundred slots, not a few hundred grows.
      const pages = Math.ceil(end / PAGE);
      this.memory.grow(Math.max(pages - this.memory.buffer.byteLength / PAGE, Math.ceil(this.memory.buffer.byteLength / PAGE / 2)));
      grew = true;
    }
    this.next = end;
    return { bits: this.view(offset), grew };
  }

  /** A live view of the slot an older (possibly detached) view of this arena pointed at. */
  rebind(bits: Bits): Bits {
    const offset = this.offsets.get(bits);
    if (offset === undefined) throw new Error('not a bitset of this arena');
    return this.view(offset);
  }

  /** Whether `bits` is a live view of this arena's memory (so the kernels may read it by offset). */
  holds(bits: Bits): boolean {
    return bits.buffer === this.memory.buffer && this.offsets.get(bits) === bits.byteOffset;
  }

  private view(offset: number): Bits {
    const bits = new Uint32Array(this.memory.buffer, offset, this.words) as Bits;
    this.offsets.set(bits, offset);
    return bits;
  }
}
