import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { SEGMENT_ERROR_KEYS } from '@dd/contract';
import { resources } from '../../i18n/i18n';
import { segmentProblemOf } from './segment-error-text';

// The problem kinds of libs/segments (SEGMENT_PROBLEM_KINDS other than `invalid`, which sends the contract's key).
const PROBLEM_KEYS = ['segment.restricted', 'segment.minor', 'segment.internal', 'segment.unknown'];
// Sent by the saved-segments service and the contract's name schema (asserted by libs/api saved-segments.int.spec.ts).
const SERVER_KEYS = ['segments.errors.nameRequired', 'segments.errors.nameTooLong', 'segments.errors.nameTaken', 'segments.errors.nobody', 'segments.errors.everyone', 'segments.errors.tooMany'];

async function i18n(language: 'nl' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: language, interpolation: { escapeValue: false } });
  return instance;
}

describe('segment problems from the API', () => {
  it('has a Dutch and an English text for every key the API can send', async () => {
    for (const language of ['nl', 'en'] as const) {
      const instance = await i18n(language);
      for (const key of [...SEGMENT_ERROR_KEYS, ...PROBLEM_KEYS, ...SERVER_KEYS]) expect(instance.exists(key), `${language} ${key}`).toBe(true);
    }
  });

  it('translates the most serious problem with its subject, and keeps its path', async () => {
    const nl = await i18n('nl');
    const error = {
      data: {
        domainCode: 'VALIDATION_FAILED',
        fieldErrors: { criteria: ['segment.restricted'] },
        reason: { code: 'segment.restricted', params: { kind: 'restricted', path: 'of.1.category', subject: 'Health', count: 2 } },
      },
    };
    expect(segmentProblemOf(error, nl.t, nl)).toEqual({
      message: 'Segmenten kunnen nooit gezondheid, geloof, politiek, vakbondslidmaatschap, seksualiteit of zwangerschap gebruiken. Haal het criterium op ‘Health’ weg.',
      path: 'of.1.category',
    });
  });

  it('falls back to the server sentence for a key it does not know, and ignores errors about other fields', async () => {
    const en = await i18n('en');
    const newer = Object.assign(new Error('Segments cannot use that yet.'), {
      data: { domainCode: 'VALIDATION_FAILED', fieldErrors: { criteria: ['segment.somethingNew'] }, reason: { code: 'segment.somethingNew', params: {} } },
    });
    expect(segmentProblemOf(newer, en.t, en)).toEqual({ message: 'Segments cannot use that yet.' });
    expect(segmentProblemOf({ data: { domainCode: 'VALIDATION_FAILED', fieldErrors: { name: ['segments.errors.nameTaken'] } } }, en.t, en)).toBeNull();
  });
});
