import { z } from 'zod';
import { singleLine } from './text.schema';

const thisYear = new Date().getUTCFullYear();

/** Profile facts the customer enters; every field optional so they can fill in what they like. */
export const updateProfileInput = z.object({
  birthYear: z
    .number({ message: 'validation.birthYearInvalid' })
    .int('validation.birthYearInvalid')
    .min(1900, 'validation.birthYearInvalid')
    .max(thisYear, 'validation.birthYearInvalid')
    .nullable()
    .optional(),
  /** Dutch postcode; only its province and municipality are stored. */
  postcode: z
    .string()
    .trim()
    .max(20, 'validation.postcodeInvalid')
    .regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, 'validation.postcodeInvalid')
    .nullable()
    .optional(),
  householdSize: z.number().int('validation.householdInvalid').min(1, 'validation.householdInvalid').max(20, 'validation.householdInvalid').nullable().optional(),
  interests: z
    .array(singleLine({ min: 1, max: 40, messages: { required: 'validation.codeInvalid', tooLong: 'validation.codeInvalid', hidden: 'validation.codeInvalid' } }))
    .max(15, 'validation.tooManyInterests')
    .optional(),
});
export type UpdateProfileInput = z.input<typeof updateProfileInput>;

export const profileSchema = z.object({
  birthYear: z.number().int().nullable(),
  province: z.string().nullable(),
  municipality: z.string().nullable(),
  householdSize: z.number().int().nullable(),
  interests: z.array(z.string()),
  /** false for under-18s: they can never consent or be in a segment. null when birth year is unknown. */
  isAdult: z.boolean().nullable(),
  /** The coarse features derived from the data (what segments can ever see), or null before the first computation. */
  features: z
    .object({
      ageBand: z.string().nullable(),
      province: z.string().nullable(),
      householdBand: z.string().nullable(),
      interests: z.array(z.string()),
      spendBands: z.record(z.string(), z.number().int()),
      computedAt: z.string(),
    })
    .nullable(),
});
export type ProfileDto = z.infer<typeof profileSchema>;
