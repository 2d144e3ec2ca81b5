import { createTRPCClient, httpBatchLink, httpLink, isNonJsonSerializable, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@dd/api';
import { UPLOAD_NAME_HEADER } from '@dd/contract';

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
      // A file upload cannot be batched into JSON: it goes as its own request, the file as the body
      // (application/octet-stream, which the API streams to storage) and its name in a header.
      splitLink({
        condition: (op) => isNonJsonSerializable(op.input),
        true: httpLink({
          ...transport,
          headers: ({ op }) => ({
            ...transport.headers(),
            ...(op.input instanceof File ? { [UPLOAD_NAME_HEADER]: encodeURIComponent(op.input.name) } : {}),
          }),
        }),
        false: httpBatchLink(transport),
      }),
    ],
  });
}
