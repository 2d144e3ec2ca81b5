import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PurposeCode, SegmentNode } from '@dd/contract';
import { useTRPC } from '../../app/trpc';
import { useDebouncedValue } from './use-debounced-value';

/** Estimates are rate-limited per organisation (ESTIMATES_PER_MINUTE): ask once the criteria have settled. */
export const ESTIMATE_DEBOUNCE_MS = 400;

/**
 * The live estimate of the criteria being built. The tree is compared as JSON, so a change that
 * ends where it began asks nothing new, and an answer already seen comes from the cache (the
 * server answers a repeated question the same way anyway). The previous answer stays on screen
 * while the next one loads.
 */
export function useSegmentEstimate(tree: SegmentNode | null, purpose: PurposeCode, locale: 'nl' | 'en') {
  const trpc = useTRPC();
  const json = tree === null ? null : JSON.stringify(tree);
  const settledJson = useDebouncedValue(json, ESTIMATE_DEBOUNCE_MS);
  const segment = useMemo(() => (settledJson === null ? null : (JSON.parse(settledJson) as SegmentNode)), [settledJson]);
  const query = useQuery(
    trpc.advertiser.estimate.queryOptions(
      { segment, purpose, locale },
      {
        enabled: segment !== null,
        staleTime: 10 * 60_000,
        placeholderData: keepPreviousData,
        refetchOnWindowFocus: false,
        // A refusal (rate limit, a criterion that is not allowed) will not change on a retry.
        retry: false,
      },
    ),
  );
  return { query, segment, settling: json !== settledJson };
}
