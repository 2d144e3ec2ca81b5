import { describe, expect, it } from 'vitest';
import { normaliseForScreening, screeningForms } from './offer-screening.normalise';

describe('normaliseForScreening', () => {
  it('removes the soft hyphen, zero-width characters and the BOM', () => {
    expect(normaliseForScreening('zwa\u00ADnger')).toBe('zwanger');
    for (const invisible of ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u034F']) expect(normaliseForScreening(`B${invisible}S${invisible}N`), invisible.codePointAt(0)!.toString(16)).toBe('bsn');
  });

  it('removes bidi embeddings, overrides and isolates', () => {
    for (let code = 0x202a; code <= 0x202e; code++) expect(normaliseForScreening(`zwan${String.fromCodePoint(code)}ger`)).toBe('zwanger');
    for (let code = 0x2066; code <= 0x2069; code++) expect(normaliseForScreening(`zwan${String.fromCodePoint(code)}ger`)).toBe('zwanger');
    expect(normaliseForScreening('\u200Ezwanger\u200F\u061C')).toBe('zwanger');
  });

  it('folds Cyrillic and Greek look-alikes, fullwidth and styled letters to plain Latin', () => {
    expect(normaliseForScreening('zwаnger')).toBe('zwanger'); // Cyrillic а
    expect(normaliseForScreening('рrеgnаnt')).toBe('pregnant'); // Cyrillic р, е, а
    expect(normaliseForScreening('sоcial sеcurity')).toBe('social security'); // Cyrillic о, е
    expect(normaliseForScreening('сhurch')).toBe('church'); // Cyrillic с
    expect(normaliseForScreening('ΒSΝ')).toBe('bsn'); // Greek capitals Beta and Nu
    expect(normaliseForScreening('ｚｗａｎｇｅｒ ＢＳＮ')).toBe('zwanger bsn');
    expect(normaliseForScreening('𝐳𝐰𝐚𝐧𝐠𝐞𝐫 ⓑⓢⓝ')).toBe('zwanger bsn');
    expect(normaliseForScreening('Zwangerschapsyóga')).toBe('zwangerschapsyoga');
  });

  it('joins single letters spaced apart by spaces, dots or hyphens', () => {
    expect(normaliseForScreening('z.w.a.n.g.e.r')).toBe('zwanger');
    expect(normaliseForScreening('Stuur je B S N')).toBe('stuur je bsn');
    expect(normaliseForScreening('i-b-a-n of B. S. N.')).toBe('iban of bsn.');
    // Words of more than one letter keep their spaces; a title's last letter does not join the body.
    expect(normaliseForScreening('Een e-bike voor je fiets')).toBe('een e-bike voor je fiets');
    expect(normaliseForScreening('Plan B\nS N')).toBe('plan b\nsn');
  });

  it('leaves ordinary Dutch text as it reads', () => {
    expect(normaliseForScreening('Kom langs in onze winkel aan de Kerkstraat en pin gewoon aan de kassa.')).toBe(
      'kom langs in onze winkel aan de kerkstraat en pin gewoon aan de kassa.',
    );
    expect(normaliseForScreening('20% korting, € 15 per beurt, t/m 31-12')).toBe('20% korting, € 15 per beurt, tm 31-12');
  });
});

describe('screeningForms', () => {
  it('reads digits and signs inside a word as letters, both ways for 1', () => {
    const forms = screeningForms('Zw4ng3r? Stuur je b5n, 1esbisch of rel1gie, w@chtw00rd');
    expect(forms).toContainEqual(expect.stringContaining('zwanger'));
    expect(forms).toContainEqual(expect.stringContaining('bsn'));
    expect(forms).toContainEqual(expect.stringContaining('lesbisch'));
    expect(forms).toContainEqual(expect.stringContaining('religie'));
    expect(forms).toContainEqual(expect.stringContaining('wachtwoord'));
  });

  it('keeps the old reading and numbers that are only numbers', () => {
    const forms = screeningForms('Info@fnv.nl: 10 euro korting');
    expect(forms).toContain('info@fnv.nl: 10 euro korting');
    expect(forms.every((form) => form.includes('10 euro'))).toBe(true);
  });

  it('reads an invisible character between two words as a space, and dots or hyphens inside a word as nothing', () => {
    expect(screeningForms('bsn\u200Bwachtwoord')).toContain('bsn wachtwoord');
    expect(screeningForms('zwan-ger')).toContain('zwanger');
    expect(screeningForms('wacht.woord')).toContain('wachtwoord');
  });
});
