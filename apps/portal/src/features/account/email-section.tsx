import { useState, type ChangeEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { requestEmailChangeInput } from '@dd/contract';
import { Alert, Button, Card, TextField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { formatDateTime } from '../../app/format';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { FormAlert } from '../auth/form-alert';
import { useAuthForm } from '../auth/use-auth-form';
import './account-sections.css';

const FIELDS = ['email', 'currentPassword'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = { email: '', currentPassword: '' };

/**
 * The address one signs in with: the current one, a change waiting for its link (with the option to
 * withdraw it), and the form that asks for a change (new address and current password).
 */
export function EmailSection({ currentEmail }: { currentEmail: string }) {
  const { t, i18n } = useTranslation('account');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.account.emailChange.queryOptions());
  const [values, setValues] = useState(EMPTY);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.emailChange.queryKey() });

  const request = useMutation(
    trpc.account.requestEmailChange.mutationOptions({
      onSuccess: () => {
        setValues(EMPTY);
        form.reset();
        setNotice(t('email.sent'));
        void refresh();
      },
      onError: (error) => form.applyServerError(error),
    }),
  );
  const cancel = useMutation(
    trpc.account.cancelEmailChange.mutationOptions({
      onSuccess: () => setNotice(t('email.cancelled')),
      onSettled: () => void refresh(),
    }),
  );
  const form = useAuthForm({
    schema: requestEmailChangeInput,
    fields: FIELDS,
    values,
    onValid: (data) => {
      setNotice(null);
      request.mutate(data);
    },
  });
  const update = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...values, [field]: event.target.value };
    setValues(next);
    form.revalidate(field, next);
  };
  const pending = status.data?.pending ?? null;

  return (
    <Card title={t('email.heading')} headingLevel={2} as="section">
      <p className="account-section__intro">{t('email.current', { email: currentEmail })}</p>
      <p className="account-section__intro">{t('email.description')}</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {status.isPending ? (
        <SectionLoading />
      ) : status.isError ? (
        <SectionLoadError title={t('email.loadError')} error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />
      ) : pending ? (
        <div className="email-pending">
          <Alert tone="info">{t('email.pending', { email: pending.email, until: formatDateTime(pending.expiresAt, i18n.language) })}</Alert>
          {cancel.isError ? <Alert tone="danger">{tc(describeError(cancel.error).messageKey)}</Alert> : null}
          <Button variant="secondary" size="sm" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('email.cancel')}
          </Button>
        </div>
      ) : null}
      <form className="auth-form" noValidate onSubmit={form.handleSubmit}>
        <FormAlert message={form.formMessage} />
        <TextField
          label={t('email.newAddress')}
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          value={values.email}
          onChange={update('email')}
          error={form.errorFor('email')}
        />
        <TextField
          label={t('email.currentPassword')}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={update('currentPassword')}
          error={form.errorFor('currentPassword')}
        />
        <Button type="submit" loading={request.isPending}>
          {t('email.submit')}
        </Button>
      </form>
    </Card>
  );
}
