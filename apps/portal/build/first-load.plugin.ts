import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { brotliOf, gzipOf } from './compress.ts';
import { describeSizes, INITIAL_JS_BUDGET, measureFirstLoad, overBudget, type BuiltChunk, type Sizes } from './first-load-budget.ts';

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/i;
/** Below this a compressed copy saves less than the headers it costs. */
export const PRECOMPRESS_MIN_BYTES = 1024;

/**
 * After the build is written:
 * - writes `<file>.br` and `<file>.gz` next to every compressible file, so the API sends them as they
 *   are (@fastify/static's `preCompressed`) instead of compressing on every request, or not at all;
 * - fails the build when the JavaScript a first visit downloads before the portal shows anything
 *   (index.html's scripts and preloads, and what they import) is over its budget, naming the files.
 */
export function firstLoad(budget = INITIAL_JS_BUDGET): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'dd:first-load',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? config!.build.outDir;
      const sizes = await precompressFolder(outDir);
      const html = bundle['index.html'];
      if (html?.type !== 'asset') throw new Error('The portal build has no index.html to measure the first load by.');
      const chunks: BuiltChunk[] = Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [file] : []));
      const measured = measureFirstLoad(String(html.source), chunks, sizes);
      const problem = overBudget(measured, budget);
      if (problem) throw new Error(problem);
      config?.logger.info(`first load: initial JavaScript ${describeSizes(measured.initial.total)} (budget ${budget.brotli / 1000} kB brotli)`);
    },
  };
}

/** Compresses every compressible file of the folder; returns the sizes by path inside it (`assets/x.js`). */
export async function precompressFolder(dir: string): Promise<Map<string, Sizes>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name)).map((entry) => join(entry.parentPath, entry.name));
  const sizes = new Map<string, Sizes>();
  await Promise.all(
    files.map(async (file) => {
      const content = await readFile(file);
      const [br, gz] = await Promise.all([brotliOf(content), gzipOf(content)]);
      sizes.set(relative(dir, file).split(sep).join('/'), { raw: content.byteLength, gzip: gz.byteLength, brotli: br.byteLength });
      if (content.byteLength < PRECOMPRESS_MIN_BYTES) return;
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    }),
  );
  return sizes;
}
