import { describe, expect, it } from 'vitest';
import { purchaseSteps } from './status-steps';

const road = (status: Parameters<typeof purchaseSteps>[0]) => purchaseSteps(status).map((step) => `${step.key}:${step.state}`);

describe('purchaseSteps', () => {
  it('puts a pending request in review, with fulfilment and delivery still to come', () => {
    expect(road('pending_review')).toEqual(['submitted:done', 'review:current', 'fulfilment:upcoming', 'delivered:upcoming']);
  });

  it('shows approval behind an approved or running request, and everything done once delivered', () => {
    expect(road('approved')).toEqual(['submitted:done', 'approved:done', 'fulfilment:current', 'delivered:upcoming']);
    expect(road('fulfilling')).toEqual(road('approved'));
    expect(road('delivered')).toEqual(['submitted:done', 'approved:done', 'fulfilment:done', 'delivered:done']);
  });

  it('ends the road where a request stopped', () => {
    expect(road('rejected')).toEqual(['submitted:done', 'rejected:stopped']);
    expect(road('cancelled')).toEqual(['submitted:done', 'cancelled:stopped']);
    expect(road('failed')).toEqual(['submitted:done', 'approved:done', 'failed:stopped']);
  });
});
