import { describe, expect, it } from 'vitest';
import { provinceCodeSchema } from '@dd/categories';
import { PROVINCES } from './dutch-regions.data';
import { provinceCode } from './seed.writer';

describe('the seed writer', () => {
  it('stores every province of the population as the ISO code segment criteria match', () => {
    expect(PROVINCES.map((p) => provinceCode(p.name))).toHaveLength(12);
    for (const p of PROVINCES) expect(provinceCodeSchema.safeParse(provinceCode(p.name)).success).toBe(true);
    expect(provinceCode('Utrecht')).toBe('NL-UT');
    expect(provinceCode('Fryslân')).toBe('NL-FR');
  });
});
