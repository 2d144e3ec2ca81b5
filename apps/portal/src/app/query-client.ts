import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { describeError, isRetryable } from './api-error';

/** The prefix of tRPC's key for `auth.me` (keys are `[path, { type }]`). */
const ME_KEY = [['auth', 'me']];

export function createQueryClient(): QueryClient {
  // A session can end while the page is open (expiry, sign-out elsewhere): any NOT_SIGNED_IN
  // answer re-reads `auth.me`, and the route guards then send the person to sign in.
  const onError = (error: unknown) => {
    if (describeError(error).code === 'NOT_SIGNED_IN') void queryClient.invalidateQueries({ queryKey: ME_KEY });
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retry once on a lost connection or outage; a refusal will not change on a retry.
        retry: (failureCount, error) => failureCount < 1 && isRetryable(error),
        retryDelay: 800,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
