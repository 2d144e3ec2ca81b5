import { z } from 'zod';
import { segmentSchema } from './segment.schema';
import { singleLine } from './text.schema';

export const SAVED_SEGMENT_NAME_MAX = 80;

/** The one free text of a segment: its name, for the advertiser's own list. */
export const savedSegmentNameSchema = singleLine({
  min: 1,
  max: SAVED_SEGMENT_NAME_MAX,
  messages: { required: 'segments.errors.nameRequired', tooLong: 'segments.errors.nameTooLong' },
});

const locale = z.enum(['nl', 'en']).default('en');
const segmentId = z.uuid('validation.invalidId');

export const listSavedSegmentsInput = z.object({ locale });
export const savedSegmentIdInput = z.object({ id: segmentId });
export const getSavedSegmentInput = z.object({ id: segmentId, locale });

/**
 * Create (no id) or replace the criteria and name of a saved segment. The segment is checked by the
 * server's validator (libs/segments), like an estimate's, so every problem comes back translatable.
 */
export const saveSegmentInput = z.object({
  id: segmentId.optional(),
  name: savedSegmentNameSchema,
  segment: z.unknown(),
  locale,
});
export type SaveSegmentInput = z.input<typeof saveSegmentInput>;

export const renameSegmentInput = z.object({ id: segmentId, name: savedSegmentNameSchema });

export const savedSegmentSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** The plain-language description in the requested language. */
  description: z.string(),
  updatedAt: z.string(),
});
export type SavedSegmentSummary = z.infer<typeof savedSegmentSummarySchema>;

export const savedSegmentSchema = z.strictObject({
  ...savedSegmentSummarySchema.shape,
  /** The canonical criteria tree, as stored. */
  tree: segmentSchema,
  createdAt: z.string(),
});
export type SavedSegment = z.infer<typeof savedSegmentSchema>;

export const savedSegmentListSchema = z.array(savedSegmentSummarySchema);
export const deleteSegmentOutput = z.strictObject({ deleted: z.literal(true) });
