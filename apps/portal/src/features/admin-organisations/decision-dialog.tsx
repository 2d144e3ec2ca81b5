import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rejectionReasonSchema, type AdminOrganisation } from '@dd/contract';
import { ConfirmDialog, TextField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { fieldErrorText } from '../../app/field-error-text';
import { useTRPC } from '../../app/trpc';

export type OrganisationDecision = 'verify' | 'reject';

interface DecisionDialogProps {
  organisation: AdminOrganisation | null;
  decision: OrganisationDecision;
  onClose: (message?: string) => void;
}

/** Verify, or reject with a reason the advertiser reads; either is final and audited. */
export function DecisionDialog({ organisation, decision, onClose }: DecisionDialogProps) {
  const { t, i18n } = useTranslation('adminOrganisations');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const name = organisation?.name ?? '';

  const reset = () => {
    setReason('');
    setReasonError(null);
    setFailure(null);
  };
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.admin.organisations.pathKey() });
    reset();
    onClose(t(decision === 'verify' ? 'verifyDialog.done' : 'rejectDialog.done', { name }));
  };
  const onError = (error: unknown) => {
    const described = describeError(error);
    const field = described.fieldErrors['reason']?.[0];
    if (field) return setReasonError(fieldErrorText(tc, i18n, field));
    const code = described.reason?.code;
    let text: string = tc(described.messageKey);
    if (code === 'incomplete') {
      const missing = String(described.reason?.params['missing'] ?? '')
        .split(',')
        .filter(Boolean)
        .map((detail) => t(`missing.${detail}` as 'missing.kvkNumber'))
        .join(', ');
      text = t('errors.incomplete', { missing });
    } else if (code === 'alreadyDecided') text = t('errors.alreadyDecided');
    setFailure(`${t('failed')} ${text}`);
  };
  const verify = useMutation(trpc.admin.organisations.verify.mutationOptions({ onSuccess: done, onError }));
  const reject = useMutation(trpc.admin.organisations.reject.mutationOptions({ onSuccess: done, onError }));

  const confirm = () => {
    if (!organisation) return;
    setFailure(null);
    if (decision === 'verify') return verify.mutate({ id: organisation.id });
    const parsed = rejectionReasonSchema.safeParse(reason);
    if (!parsed.success) return setReasonError(fieldErrorText(tc, i18n, parsed.error.issues[0]!.message));
    reject.mutate({ id: organisation.id, reason: parsed.data });
  };

  return (
    <ConfirmDialog
      open={organisation !== null}
      title={t(decision === 'verify' ? 'verifyDialog.title' : 'rejectDialog.title')}
      confirmLabel={t(decision === 'verify' ? 'verifyDialog.confirm' : 'rejectDialog.confirm')}
      cancelLabel={tc('common.cancel')}
      tone={decision === 'reject' ? 'danger' : 'default'}
      onConfirm={confirm}
      onCancel={() => {
        reset();
        onClose();
      }}
      confirming={verify.isPending || reject.isPending}
      error={failure}
    >
      {organisation && decision === 'verify' ? (
        <p>{t('verifyDialog.body', { name, kvk: organisation.kvkNumber ?? '', vat: organisation.vatNumber ?? '' })}</p>
      ) : null}
      {organisation && decision === 'reject' ? (
        <div className="decision-dialog">
          <p>{t('rejectDialog.body')}</p>
          <TextField
            label={t('rejectDialog.reasonLabel')}
            hint={t('rejectDialog.reasonHint')}
            name="reason"
            maxLength={1000}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonError(null);
            }}
            error={reasonError ?? undefined}
            aria-required="true"
          />
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
