import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../app/trpc';

/** The industries an organisation can declare: public, since the sign-up form needs them before there is an account. */
export function useIndustries() {
  const trpc = useTRPC();
  return useQuery(trpc.reference.industries.queryOptions(undefined, { staleTime: 60 * 60_000 }));
}
