import { describe, expect, it } from 'vitest';
import type { ConsentState } from '@dd/contract';
import {
  addMonths,
  applyDuration,
  cellKey,
  consentChanges,
  countChanges,
  draftFromState,
  draftProblems,
  durationChoice,
  expiryFromLastDay,
  industryChange,
  isCalendarDate,
  lastDayFromExpiry,
  setCell,
  setExcluded,
} from './consent-draft';

const cell = (category: string, purpose: 'insights' | 'offers', extra: Partial<ConsentState['cells'][number]> = {}) => ({
  category,
  purpose,
  granted: false,
  expiresAt: null,
  expired: false,
  recordedAt: null,
  ...extra,
});

const state: ConsentState = {
  policyVersion: '2026-11',
  cells: [
    cell('groceries', 'insights', { granted: true, recordedAt: '2026-11-01T10:00:00Z' }),
    cell('groceries', 'offers'),
    cell('travel', 'insights', { granted: true, expiresAt: expiryFromLastDay('2027-02-28'), recordedAt: '2026-11-01T10:00:00Z' }),
    cell('travel', 'offers', { granted: true, expiresAt: expiryFromLastDay('2026-10-01'), expired: true, recordedAt: '2026-07-01T10:00:00Z' }),
  ],
  excludedIndustries: ['gambling', 'alcohol'],
  canConsent: true,
  blockedReason: null,
};

describe('end dates', () => {
  it('round-trips the last day through the moment sent to the API', () => {
    for (const day of ['2027-02-28', '2024-02-29', '2026-12-31', '2027-03-31']) {
      const expiry = expiryFromLastDay(day);
      expect(lastDayFromExpiry(expiry)).toBe(day);
      // The grant still counts on the last day itself, until local midnight.
      expect(new Date(expiry).getTime()).toBeGreaterThan(new Date(`${day}T12:00:00`).getTime());
    }
  });

  it('adds months within the target month', () => {
    expect(addMonths('2026-11-23', 3)).toBe('2027-02-23');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 12)).toBe('2028-11-30');
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(isCalendarDate('2027-02-30')).toBe(false);
    expect(isCalendarDate('28-02-2027')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });
});

describe('draftFromState', () => {
  it('starts from what counts today', () => {
    const draft = draftFromState(state);
    expect(draft.cells[cellKey('groceries', 'insights')]).toEqual({ granted: true, until: null });
    expect(draft.cells[cellKey('groceries', 'offers')]).toEqual({ granted: false, until: null });
    expect(draft.cells[cellKey('travel', 'insights')]).toEqual({ granted: true, until: '2027-02-28' });
    // Expired: no longer counts, so it is off.
    expect(draft.cells[cellKey('travel', 'offers')]).toEqual({ granted: false, until: null });
    expect(draft.excluded).toEqual(['alcohol', 'gambling']);
  });
});

describe('consentChanges', () => {
  const baseline = draftFromState(state);

  it('is empty when nothing changed', () => {
    expect(consentChanges(baseline, baseline)).toEqual([]);
    expect(industryChange(baseline, baseline)).toBeUndefined();
    expect(countChanges(baseline, baseline)).toBe(0);
  });

  it('sends a grant with its end date as a moment', () => {
    const draft = setCell(baseline, cellKey('groceries', 'offers'), { granted: true, until: '2027-02-23' });
    expect(consentChanges(baseline, draft)).toEqual([
      { category: 'groceries', purpose: 'offers', granted: true, expiresAt: expiryFromLastDay('2027-02-23') },
    ]);
  });

  it('sends a withdrawal without an end date', () => {
    const draft = setCell(baseline, cellKey('groceries', 'insights'), { granted: false });
    expect(consentChanges(baseline, draft)).toEqual([{ category: 'groceries', purpose: 'insights', granted: false }]);
  });

  it('sends a new end date for a grant that stays on', () => {
    const draft = setCell(baseline, cellKey('travel', 'insights'), { until: null });
    expect(consentChanges(baseline, draft)).toEqual([{ category: 'travel', purpose: 'insights', granted: true, expiresAt: null }]);
  });

  it('forgets a change that was undone by hand', () => {
    const on = setCell(baseline, cellKey('groceries', 'offers'), { granted: true });
    const offAgain = setCell(on, cellKey('groceries', 'offers'), { granted: false });
    expect(consentChanges(baseline, offAgain)).toEqual([]);
  });

  it('renews an expired grant as a new grant', () => {
    const draft = setCell(baseline, cellKey('travel', 'offers'), { granted: true });
    expect(consentChanges(baseline, draft)).toEqual([{ category: 'travel', purpose: 'offers', granted: true, expiresAt: null }]);
  });

  it('sends the whole exclusion list when an industry is toggled, and counts each toggle', () => {
    let draft = setExcluded(baseline, 'crypto', true);
    draft = setExcluded(draft, 'alcohol', false);
    expect(industryChange(baseline, draft)).toEqual(['crypto', 'gambling']);
    draft = setCell(draft, cellKey('groceries', 'offers'), { granted: true });
    expect(countChanges(baseline, draft)).toBe(3);
  });
});

describe('durations', () => {
  const today = '2026-11-23';

  it('applies presets from today and keeps a chosen date', () => {
    const on = { granted: true, until: null };
    expect(applyDuration(on, '3', today)).toEqual({ granted: true, until: '2027-02-23' });
    expect(applyDuration(on, '12', today)).toEqual({ granted: true, until: '2027-11-23' });
    expect(applyDuration({ granted: true, until: '2027-01-01' }, 'date', today).until).toBe('2027-01-01');
    expect(applyDuration(on, 'date', today).until).toBe('2027-02-23');
    expect(applyDuration({ granted: true, until: '2027-01-01' }, 'none', today).until).toBeNull();
  });

  it('shows the remembered preset, or "date" for a date from the server', () => {
    expect(durationChoice({ granted: true, until: null }, undefined)).toBe('none');
    expect(durationChoice({ granted: true, until: '2027-02-23' }, '3')).toBe('3');
    expect(durationChoice({ granted: true, until: '2027-02-23' }, undefined)).toBe('date');
  });

  it('refuses end dates in the past or that are not dates', () => {
    let draft = draftFromState(state);
    draft = setCell(draft, cellKey('groceries', 'offers'), { granted: true, until: '2026-11-22' });
    draft = setCell(draft, cellKey('groceries', 'insights'), { until: '2026-13-01' });
    draft = setCell(draft, cellKey('travel', 'offers'), { granted: true, until: today });
    expect(draftProblems(draft, today)).toEqual({
      [cellKey('groceries', 'offers')]: 'consent.errors.dateInPast',
      [cellKey('groceries', 'insights')]: 'validation.dateInvalid',
    });
  });
});
