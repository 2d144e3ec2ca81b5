import { z } from 'zod';
import {
  createPurchaseInput,
  listPurchasesInput,
  privacyBudgetMeterSchema,
  purchaseCheckInput,
  purchaseCheckSchema,
  purchaseDetailInput,
  purchaseDetailSchema,
  purchaseIdInput,
  purchaseSummarySchema,
  type Viewer,
} from '@dd/contract';
import { DomainError } from '@dd/errors';
import type { PurchaseOwner } from '@dd/marketplace';
import { advertiserProcedure } from '../procedures';
import { router } from '../trpc';

/** The organisation comes from the session, never from the input: an advertiser only ever reaches its own requests. */
function ownerOf(viewer: Viewer): PurchaseOwner {
  if (!viewer.organisation) throw new DomainError('NOT_FOUND', 'Your organisation could not be found. Contact support.');
  return { organisationId: viewer.organisation.id, userId: viewer.id };
}

/** Purchase requests (`advertiser.purchases.*`). Strict output schemas: no column leaks by accident. */
export const purchasesRouter = router({
  /**
   * Whether the purchase the form holds can succeed, before it is sent. A mutation, like the
   * builder's estimate: a new question is an estimate release charged to the organisation's budget.
   */
  check: advertiserProcedure
    .input(purchaseCheckInput)
    .output(purchaseCheckSchema)
    .mutation(({ ctx, input }) => ctx.services.purchases.check(ownerOf(ctx.viewer), input)),

  /** The organisation's privacy budget this month: used, left, what still fits, and when it resets. */
  budget: advertiserProcedure.output(privacyBudgetMeterSchema).query(({ ctx }) => ctx.services.purchases.budget(ownerOf(ctx.viewer))),

  /** Requests a report or campaign and reserves its maximum cost from the balance; it then waits for review. */
  create: advertiserProcedure
    .input(createPurchaseInput)
    .output(purchaseSummarySchema)
    .mutation(({ ctx, input }) => ctx.services.purchases.create(ownerOf(ctx.viewer), input)),

  list: advertiserProcedure
    .input(listPurchasesInput)
    .output(z.array(purchaseSummarySchema))
    .query(({ ctx, input }) => ctx.services.purchases.list(ownerOf(ctx.viewer), input.status)),

  get: advertiserProcedure
    .input(purchaseDetailInput)
    .output(purchaseDetailSchema)
    .query(({ ctx, input }) => ctx.services.purchases.get(ownerOf(ctx.viewer), input.id, input.locale)),

  /** Withdraws a request that is still waiting for review; the reservation returns to the balance. */
  cancel: advertiserProcedure
    .input(purchaseIdInput)
    .output(purchaseSummarySchema)
    .mutation(({ ctx, input }) => ctx.services.purchases.cancel(ownerOf(ctx.viewer), input.id)),
});
