import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { auditSearchInput, type AuditFacets } from '@dd/contract';
import { Button, SelectField, TextField } from '@dd/ui';
import { fieldErrorText } from '../../app/field-error-text';

export interface AuditFilterValues {
  query: string;
  action: string;
  subjectType: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { query: '', action: '', subjectType: '', from: '', to: '' };

/** The search input for applied filters and a page: empty filters are left out, not sent as "". */
export function auditInput(filters: AuditFilterValues, cursor: number | undefined) {
  const input: { query?: string; action?: string; subjectType?: string; from?: string; to?: string; cursor?: number } = {};
  for (const key of ['query', 'action', 'subjectType', 'from', 'to'] as const) {
    const value = filters[key].trim();
    if (value) input[key] = value;
  }
  if (cursor !== undefined) input.cursor = cursor;
  return input;
}

interface AuditFiltersProps {
  facets: AuditFacets | undefined;
  onApply: (filters: AuditFilterValues) => void;
}

/** Filters are applied on "search", so typing does not fire a query per key. */
export function AuditFilters({ facets, onApply }: AuditFiltersProps) {
  const { t, i18n } = useTranslation('adminAudit');
  const { t: tc } = useTranslation();
  const [draft, setDraft] = useState<AuditFilterValues>(NO_FILTERS);
  const [errors, setErrors] = useState<Partial<Record<keyof AuditFilterValues, string>>>({});

  const set = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) => {
    setDraft((current) => ({ ...current, [key]: event.target.value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = auditSearchInput.safeParse(auditInput(draft, undefined));
    if (!parsed.success) {
      const next: Partial<Record<keyof AuditFilterValues, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof AuditFilterValues;
        next[field] ??= fieldErrorText(tc, i18n, issue.message);
      }
      setErrors(next);
      return;
    }
    onApply(draft);
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setErrors({});
    onApply(NO_FILTERS);
  };

  return (
    <form className="audit-filters" role="search" aria-label={t('filters.title')} noValidate onSubmit={submit}>
      <TextField label={t('filters.query')} hint={t('filters.queryHint')} name="query" type="search" value={draft.query} onChange={set('query')} error={errors.query} />
      <SelectField label={t('filters.action')} name="action" value={draft.action} onChange={set('action')}>
        <option value="">{t('filters.any')}</option>
        {(facets?.actions ?? []).map((action) => (
          <option key={action} value={action}>
            {action}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('filters.subjectType')} name="subjectType" value={draft.subjectType} onChange={set('subjectType')}>
        <option value="">{t('filters.any')}</option>
        {(facets?.subjectTypes ?? []).map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </SelectField>
      <TextField label={t('filters.from')} name="from" type="date" value={draft.from} onChange={set('from')} error={errors.from} />
      <TextField label={t('filters.to')} name="to" type="date" value={draft.to} onChange={set('to')} error={errors.to} />
      <div className="audit-filters__actions">
        <Button type="submit">{t('filters.search')}</Button>
        <Button type="button" variant="ghost" onClick={clear}>
          {t('filters.clear')}
        </Button>
      </div>
    </form>
  );
}
