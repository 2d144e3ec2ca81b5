import { readFileSync } from 'node:fs';
import wabt from 'wabt';

/** The WAT source of the kernels, beside this file. */
export const KERNELS_WAT = new URL('./bitset-kernels.wat', import.meta.url);

/**
 * Assembles the kernels' WAT with wabt (a development tool only: the bytes it yields are committed
 * as bitset-kernels.wasm.ts, so nothing is compiled at run time or in a build).
 */
export async function compileKernels(): Promise<Uint8Array> {
  const toolkit = await wabt();
  const module = toolkit.parseWat('bitset-kernels.wat', readFileSync(KERNELS_WAT, 'utf8'), { simd: true, bulk_memory: true });
  try {
    module.validate();
    return module.toBinary({ canonicalize_lebs: true }).buffer;
  } finally {
    module.destroy();
  }
}
