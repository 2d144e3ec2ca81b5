import { describe, expect, it } from 'vitest';
import { measureFirstLoad, overBudget, scriptsOfHtml, type BuiltChunk, type Sizes } from './first-load-budget';

const html = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-a1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/react-b2.js">
<link rel="stylesheet" crossorigin href="/assets/index-c3.css">
</head><body><div id="root"></div></body></html>`;

const chunk = (fileName: string, imports: string[] = [], kind: 'entry' | 'dynamic' | 'shared' = 'shared'): BuiltChunk => ({
  fileName,
  imports,
  isEntry: kind === 'entry',
  isDynamicEntry: kind === 'dynamic',
});

const chunks = [
  chunk('assets/index-a1.js', ['assets/react-b2.js', 'assets/vendor-d4.js'], 'entry'),
  chunk('assets/react-b2.js'),
  chunk('assets/vendor-d4.js', ['assets/react-b2.js']),
  chunk('assets/customer-area-e5.js', ['assets/react-b2.js', 'assets/charts-f6.js'], 'dynamic'),
  chunk('assets/charts-f6.js'),
];

const size = (brotli: number): Sizes => ({ raw: brotli * 4, gzip: Math.round(brotli * 1.15), brotli });

describe('the first-load budget', () => {
  it('reads the scripts index.html runs and preloads, not its stylesheets', () => {
    expect(scriptsOfHtml(html)).toEqual(['assets/index-a1.js', 'assets/react-b2.js']);
  });

  it('counts the entry, what index.html preloads and what they import statically; an area only adds its own chunks', () => {
    const sizes = new Map([
      ['assets/index-a1.js', size(30_000)],
      ['assets/react-b2.js', size(60_000)],
      ['assets/vendor-d4.js', size(40_000)],
      ['assets/customer-area-e5.js', size(20_000)],
      ['assets/charts-f6.js', size(9_000)],
    ]);
    const measured = measureFirstLoad(html, chunks, sizes);
    expect(measured.initial.files.sort()).toEqual(['assets/index-a1.js', 'assets/react-b2.js', 'assets/vendor-d4.js']);
    expect(measured.initial.total.brotli).toBe(130_000);
    expect(measured.onDemand).toEqual([{ name: 'assets/customer-area-e5.js', files: ['assets/customer-area-e5.js', 'assets/charts-f6.js'], total: expect.objectContaining({ brotli: 29_000 }) }]);
    expect(overBudget(measured)).toBeNull();
  });

  it('fails over the budget, naming every initial file with its sizes, largest first', () => {
    const sizes = new Map([
      ['assets/index-a1.js', size(30_000)],
      ['assets/react-b2.js', size(60_000)],
      // One library too many in the shared vendor chunk.
      ['assets/vendor-d4.js', size(60_001)],
    ]);
    const problem = overBudget(measureFirstLoad(html, chunks, sizes));
    expect(problem).toContain('initial JavaScript is 150.0 kB brotli, over its budget of 150.0 kB');
    const lines = problem!.split('\n');
    expect(lines.findIndex((line) => line.includes('assets/vendor-d4.js: 240.0 kB raw, 69.0 kB gzip, 60.0 kB brotli'))).toBeLessThan(
      lines.findIndex((line) => line.includes('assets/index-a1.js')),
    );
    // Exactly at the budget still passes.
    sizes.set('assets/vendor-d4.js', size(60_000));
    expect(overBudget(measureFirstLoad(html, chunks, sizes))).toBeNull();
  });
});
