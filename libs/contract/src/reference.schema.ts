import { z } from 'zod';

export const localisedTextSchema = z.object({ nl: z.string(), en: z.string() });
export type LocalisedTextDto = z.infer<typeof localisedTextSchema>;

export const purposeSchema = z.enum(['insights', 'offers']);
export type PurposeCode = z.infer<typeof purposeSchema>;
export const PURPOSES = purposeSchema.options;

/** `profile`: a fact from the customer's profile (age band, region, …), shared only with consent like `sellable`. */
export const categoryKindSchema = z.enum(['sellable', 'special', 'protected_life_event', 'internal', 'profile']);

/** A data category as the portal shows it; codes are stable, labels come from the server. */
export const categoryDtoSchema = z.object({
  code: z.string(),
  kind: categoryKindSchema,
  label: localisedTextSchema,
  description: localisedTextSchema,
});
export type CategoryDto = z.infer<typeof categoryDtoSchema>;

export const industryDtoSchema = z.object({ code: z.string(), sensitive: z.boolean(), label: localisedTextSchema });
export type IndustryDto = z.infer<typeof industryDtoSchema>;

export const optionDtoSchema = z.object({ code: z.string(), label: localisedTextSchema });
export type OptionDto = z.infer<typeof optionDtoSchema>;

export const referenceDataSchema = z.object({
  categories: z.array(categoryDtoSchema),
  industries: z.array(industryDtoSchema),
  interests: z.array(optionDtoSchema),
  provinces: z.array(optionDtoSchema),
});
export type ReferenceData = z.infer<typeof referenceDataSchema>;

/** Who runs the platform and how to reach them: the legal pages and the footer show it, signed in or not. */
export const operatorDetailsSchema = z.object({
  name: z.string(),
  /** Street and number, postcode and town, … one line each. */
  addressLines: z.array(z.string()),
  kvkNumber: z.string(),
  privacyEmail: z.string(),
  supportEmail: z.string(),
  /** True when the deployment did not set its own details (development): the pages say these are examples. */
  example: z.boolean(),
});
export type OperatorDetails = z.infer<typeof operatorDetailsSchema>;
