import { z } from 'zod';
import { purposeSchema } from './reference.schema';
import { audienceEstimateSchema } from './segment.schema';

/**
 * The segment is checked by the server's validator (libs/segments), not here: it reports every
 * problem with a translatable key and the path of the criterion, which a plain schema error cannot.
 */
export const audienceEstimateInput = z.object({
  segment: z.unknown(),
  purpose: purposeSchema,
  locale: z.enum(['nl', 'en']).default('en'),
});

/** All an advertiser learns about an audience: never a person, never an exact or small count. */
export const audienceEstimateOutput = z.strictObject({
  estimate: audienceEstimateSchema,
  description: z.string(),
  categories: z.array(z.string()),
});
export type AudienceEstimateAnswer = z.infer<typeof audienceEstimateOutput>;

/** A customer's own privacy budget this month and the reports that used it. */
export const privacyBudgetUsageSchema = z.object({
  period: z.string(),
  budget: z.string(),
  used: z.string(),
  usedShare: z.number().min(0),
  reports: z.array(z.object({ id: z.string(), title: z.string(), advertiser: z.string(), at: z.string(), epsilon: z.string() })),
});
export type PrivacyBudgetUsage = z.infer<typeof privacyBudgetUsageSchema>;
