import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PurposeCode, SegmentNode } from '@dd/contract';
import { useTRPCClient } from '../../app/trpc';
import { useDebouncedValue } from './use-debounced-value';

/** Estimates are rate-limited per organisation (ESTIMATES_PER_MINUTE): ask once the criteria have settled. */
export const ESTIMATE_DEBOUNCE_MS = 400;

/** The cache key of one estimate question: the settled tree, the purpose and the language of its description. */
export const estimateQueryKey = (input: { segment: SegmentNode | null; purpose: PurposeCode; locale: 'nl' | 'en' }) => ['advertiser.estimate', input] as const;

/**
 * The live estimate of the criteria being built. The tree is compared as JSON, so a change that
 * ends where it began asks nothing new, and an answer already seen comes from the cache (the
 * server answers a repeated question the same way anyway). The previous answer stays on screen
 * while the next one loads. The server's procedure is a mutation (a new question is charged to the
 * organisation's privacy budget, so it writes); the cache still treats it as the question it is.
 */
export function useSegmentEstimate(tree: SegmentNode | null, purpose: PurposeCode, locale: 'nl' | 'en') {
  const client = useTRPCClient();
  const json = tree === null ? null : JSON.stringify(tree);
  const settledJson = useDebouncedValue(json, ESTIMATE_DEBOUNCE_MS);
  const segment = useMemo(() => (settledJson === null ? null : (JSON.parse(settledJson) as SegmentNode)), [settledJson]);
  const query = useQuery({
    queryKey: estimateQueryKey({ segment, purpose, locale }),
    queryFn: () => client.advertiser.estimate.mutate({ segment: segment!, purpose, locale }),
    enabled: segment !== null,
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
    // A refusal (rate limit, a criterion that is not allowed) will not change on a retry.
    retry: false,
  });
  return { query, segment, settling: json !== settledJson };
}
