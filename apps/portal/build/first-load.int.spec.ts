import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INITIAL_JS_BUDGET, scriptsOfHtml } from './first-load-budget';

let outDir: string;

/** The production build, as `npm start` and the browser tests make it (the budget check is part of it). */
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'dd-portal-build-'));
  const previous = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env['NODE_ENV'] = previous;
  }
}, 180_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the portal’s build', () => {
  it('loads within the budget at first, with each role area in a chunk of its own', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const initial = scriptsOfHtml(html);
    // What a browser that accepts brotli receives: the .br copy, or the file itself when it is too small for one.
    const served = (file: string) => readFileSync(join(outDir, existsSync(join(outDir, `${file}.br`)) ? `${file}.br` : file)).byteLength;
    const brotli = initial.reduce((total, file) => total + served(file), 0);
    expect(brotli).toBeLessThanOrEqual(INITIAL_JS_BUDGET.brotli);
    const assets = readdirSync(join(outDir, 'assets'));
    for (const area of ['public-area', 'customer-area', 'advertiser-area', 'admin-area']) {
      expect(assets.some((file) => file.startsWith(`${area}-`) && file.endsWith('.js')), area).toBe(true);
      expect(initial.some((file) => file.includes(area)), area).toBe(false);
    }
  });

  it('writes a brotli and a gzip copy beside every script, stylesheet and index.html, each the file itself', () => {
    const files = ['index.html', ...readdirSync(join(outDir, 'assets')).filter((file) => /\.(js|css)$/.test(file)).map((file) => `assets/${file}`)];
    for (const file of files) {
      const raw = readFileSync(join(outDir, file));
      if (raw.byteLength < 1024) continue;
      expect(brotliDecompressSync(readFileSync(join(outDir, `${file}.br`))).equals(raw), file).toBe(true);
      expect(gunzipSync(readFileSync(join(outDir, `${file}.gz`))).equals(raw), file).toBe(true);
    }
    expect(existsSync(join(outDir, 'favicon.svg.br'))).toBe(false);
  });
});
