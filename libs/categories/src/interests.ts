import { z } from 'zod';
import type { LocalisedText } from './category.catalogue';

/** Self-declared interests on the profile. Codes are stored, so they are never renamed. */
export const INTEREST_CODES = [
  'sport', 'travel', 'cooking', 'gaming', 'fashion', 'tech', 'music', 'gardening', 'pets', 'diy', 'reading', 'film', 'outdoor',
  'wellness', 'finance',
] as const;
export type InterestCode = (typeof INTEREST_CODES)[number];
export const interestCodeSchema = z.enum(INTEREST_CODES);

export const INTERESTS: Record<InterestCode, LocalisedText> = {
  sport: { nl: 'Sport', en: 'Sport' },
  travel: { nl: 'Reizen', en: 'Travel' },
  cooking: { nl: 'Koken', en: 'Cooking' },
  gaming: { nl: 'Gamen', en: 'Gaming' },
  fashion: { nl: 'Mode', en: 'Fashion' },
  tech: { nl: 'Technologie', en: 'Technology' },
  music: { nl: 'Muziek', en: 'Music' },
  gardening: { nl: 'Tuinieren', en: 'Gardening' },
  pets: { nl: 'Huisdieren', en: 'Pets' },
  diy: { nl: 'Klussen', en: 'DIY' },
  reading: { nl: 'Lezen', en: 'Reading' },
  film: { nl: 'Film en series', en: 'Film and series' },
  outdoor: { nl: 'Buitenleven', en: 'Outdoors' },
  wellness: { nl: 'Ontspanning en welzijn', en: 'Relaxation and wellbeing' },
  finance: { nl: 'Geldzaken', en: 'Personal finance' },
};
