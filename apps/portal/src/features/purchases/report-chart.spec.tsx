import { readFileSync } from 'node:fs';
import { useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ReportTable } from '@dd/contract';
import { renderPage, textOf } from '../../app/testing/render-page';
import { ReportTableChart } from './report-section';

const table: ReportTable = {
  breakdown: 'ageBand',
  epsilon: '0.25',
  threshold: 20,
  cells: [
    { cell: '18-24', count: 1_250 },
    { cell: '25-34', count: null },
    { cell: 'unknown', count: 40 },
  ],
};

function Harness() {
  const { t, i18n } = useTranslation('purchases');
  const { t: tc } = useTranslation();
  return <ReportTableChart table={table} title="Leeftijd" context={{ t, tc, language: i18n.language, labels: undefined, options: undefined }} />;
}

describe('a suppressed report cell', () => {
  it('is drawn as a hatched stub with "< 20", not as a bar with a length', async () => {
    const html = await renderPage(<Harness />, { path: '/', seed: () => undefined });
    const rows = html.slice(html.indexOf('dd-bar-chart__rows'), html.indexOf('</div></div>', html.indexOf('dd-bar-chart__rows')));
    // Two cells with a number get a bar with a width; the suppressed one gets no bar and no width.
    expect([...rows.matchAll(/class="dd-bar-chart__bar" style="width:/g)]).toHaveLength(2);
    const suppressed = /<span class="report-chart__suppressed"[^>]*>/.exec(rows)![0];
    expect(suppressed).not.toContain('style=');
    expect(rows).toContain('&lt; 20');
    // Screen readers get the words, in the table.
    expect(textOf(html)).toContain('minder dan 20 (weggelaten)');
  });

  it('has no full width in the stylesheet', () => {
    const css = readFileSync(new URL('./purchases.css', import.meta.url), 'utf8');
    const rule = /\.report-chart__suppressed \{([^}]*)\}/.exec(css)![1]!;
    expect(rule).not.toMatch(/(^|[^-])width:\s*100%/);
    expect(rule).toMatch(/repeating-linear-gradient/);
  });
});
