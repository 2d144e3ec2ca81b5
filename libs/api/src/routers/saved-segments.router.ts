import {
  deleteSegmentOutput,
  getSavedSegmentInput,
  listSavedSegmentsInput,
  renameSegmentInput,
  saveSegmentInput,
  savedSegmentIdInput,
  savedSegmentListSchema,
  savedSegmentSchema,
  type Viewer,
} from '@dd/contract';
import { DomainError } from '@dd/errors';
import type { SegmentOwner } from '@dd/segments';
import { advertiserProcedure } from '../procedures';
import { router } from '../trpc';

/** The organisation comes from the session, never from the input: an advertiser only ever reaches its own segments. */
function ownerOf(viewer: Viewer): SegmentOwner {
  if (!viewer.organisation) throw new DomainError('NOT_FOUND', 'Your organisation could not be found. Contact support.');
  return { organisationId: viewer.organisation.id, userId: viewer.id };
}

/** An organisation's saved segments (`advertiser.segments.*`); unverified organisations may explore and save too. */
export const savedSegmentsRouter = router({
  list: advertiserProcedure
    .input(listSavedSegmentsInput)
    .output(savedSegmentListSchema)
    .query(({ ctx, input }) => ctx.services.savedSegments.list(ownerOf(ctx.viewer), input.locale)),

  get: advertiserProcedure
    .input(getSavedSegmentInput)
    .output(savedSegmentSchema)
    .query(({ ctx, input }) => ctx.services.savedSegments.get(ownerOf(ctx.viewer), input.id, input.locale)),

  save: advertiserProcedure
    .input(saveSegmentInput)
    .output(savedSegmentSchema)
    .mutation(({ ctx, input }) => ctx.services.savedSegments.save(ownerOf(ctx.viewer), input, input.locale)),

  rename: advertiserProcedure
    .input(renameSegmentInput)
    .output(savedSegmentSchema)
    .mutation(({ ctx, input }) => ctx.services.savedSegments.rename(ownerOf(ctx.viewer), input.id, input.name, ctx.viewer.locale)),

  delete: advertiserProcedure
    .input(savedSegmentIdInput)
    .output(deleteSegmentOutput)
    .mutation(({ ctx, input }) => ctx.services.savedSegments.delete(ownerOf(ctx.viewer), input.id)),
});
