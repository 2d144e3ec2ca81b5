import { describe, expect, it } from 'vitest';
import { confirmsEmail, exportDisplayStatus, exportsRefetchInterval, isExportActive } from './export-status';

describe('exports', () => {
  it('shows a ready export without a link as expired', () => {
    expect(exportDisplayStatus({ status: 'ready', downloadUrl: '/api/exports/x/download' })).toBe('ready');
    expect(exportDisplayStatus({ status: 'ready', downloadUrl: null })).toBe('expired');
    expect(exportDisplayStatus({ status: 'building', downloadUrl: null })).toBe('building');
  });

  it('polls only while an export is being prepared', () => {
    expect(isExportActive({ status: 'requested' })).toBe(true);
    expect(exportsRefetchInterval([{ status: 'ready' }, { status: 'building' }])).toBe(1_500);
    expect(exportsRefetchInterval([{ status: 'ready' }, { status: 'failed' }])).toBe(false);
    expect(exportsRefetchInterval(undefined)).toBe(false);
  });
});

describe('confirmsEmail', () => {
  it('accepts the account address in any case, with stray spaces', () => {
    expect(confirmsEmail(' Eva@Voorbeeld.NL ', 'eva@voorbeeld.nl')).toBe(true);
    expect(confirmsEmail('eva@voorbeeld.n', 'eva@voorbeeld.nl')).toBe(false);
    expect(confirmsEmail('', 'eva@voorbeeld.nl')).toBe(false);
  });
});
