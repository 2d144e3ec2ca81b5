import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useOutletContext } from 'react-router';
import type { Viewer } from '@dd/contract';
import { useTRPC } from './trpc';

/** The signed-in person, or null; one cached `auth.me` shared by the header and the guards. */
export function useViewerQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}

/** Replaces the cached viewer after sign-in, sign-up, sign-out or a settings change. */
export function useSetViewer() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (viewer: Viewer | null) => {
    queryClient.setQueryData(trpc.auth.me.queryKey(), viewer);
  };
}

/** Inside a role guard: the viewer is known to be signed in with the right role. */
export function useSignedInViewer(): Viewer {
  return useOutletContext<Viewer>();
}
