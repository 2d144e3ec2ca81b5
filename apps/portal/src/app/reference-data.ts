import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { referenceLabels, type ReferenceLabels } from './reference-labels';
import { useTRPC } from './trpc';

/** Categories, industries, interests and provinces: fixed per release, so read once per visit. */
export function useReferenceData() {
  const trpc = useTRPC();
  return useQuery(trpc.reference.all.queryOptions(undefined, { staleTime: 60 * 60_000 }));
}

/** The reference query plus its labels in the current language (undefined until loaded). */
export function useReferenceLabels(): { query: ReturnType<typeof useReferenceData>; labels: ReferenceLabels | undefined } {
  const query = useReferenceData();
  const { i18n } = useTranslation();
  const labels = useMemo(() => (query.data ? referenceLabels(query.data, i18n.language) : undefined), [query.data, i18n.language]);
  return { query, labels };
}
