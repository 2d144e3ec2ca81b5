import { createTRPCClient, httpBatchLink, httpLink, isNonJsonSerializable, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@dd/api';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

const transport = {
  url: '/trpc',
  // The API's CSRF check refuses state-changing requests without this header.
  headers: () => ({ 'x-trpc-source': 'portal' }),
  fetch: (url: URL | RequestInfo, options?: RequestInit) => fetch(url, { ...options, credentials: 'include' }),
};

export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [
      // A file upload (FormData) cannot be batched into JSON: it goes as its own multipart request.
      splitLink({
        condition: (op) => isNonJsonSerializable(op.input),
        true: httpLink(transport),
        false: httpBatchLink(transport),
      }),
    ],
  });
}
