import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PurchaseProductCode, SegmentNode } from '@dd/contract';
import { useTRPCClient } from '../../app/trpc';
import { useDebouncedValue } from '../segments/use-debounced-value';
import { ESTIMATE_DEBOUNCE_MS } from '../segments/use-segment-estimate';

export interface PurchaseCheckRequest {
  product: PurchaseProductCode;
  segment: SegmentNode | null;
  breakdowns: readonly string[];
  /** An offer's last day, once it is a whole date. */
  endsOn: string | undefined;
  locale: 'nl' | 'en';
}

/**
 * Whether the purchase the form holds can succeed, asked once the form has settled: the server's
 * procedure is a mutation (a new question is an estimate release, charged), cached like the
 * builder's estimate so a form that ends where it began asks nothing new.
 */
export function usePurchaseCheck(request: PurchaseCheckRequest, enabled: boolean) {
  const client = useTRPCClient();
  const json = request.segment === null ? null : JSON.stringify({ ...request, breakdowns: [...request.breakdowns].sort() });
  const settledJson = useDebouncedValue(json, ESTIMATE_DEBOUNCE_MS);
  const settled = useMemo(() => (settledJson === null ? null : (JSON.parse(settledJson) as PurchaseCheckRequest & { segment: SegmentNode })), [settledJson]);
  const query = useQuery({
    queryKey: ['advertiser.purchases.check', settled] as const,
    queryFn: () =>
      client.advertiser.purchases.check.mutate({
        product: settled!.product,
        segment: settled!.segment,
        breakdowns: [...settled!.breakdowns],
        ...(settled!.endsOn ? { endsOn: settled!.endsOn } : {}),
        locale: settled!.locale,
      }),
    enabled: enabled && settled !== null && (settled.product === 'offer_campaign' || settled.breakdowns.length > 0),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
    retry: false,
  });
  return { query, settling: json !== settledJson };
}
