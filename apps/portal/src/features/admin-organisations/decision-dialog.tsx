import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rejectionReasonSchema, REJECTION_REASON_MAX, type AdminOrganisation } from '@dd/contract';
import { ConfirmDialog, TextField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { fieldErrorText } from '../../app/field-error-text';
import { useTRPC } from '../../app/trpc';

export type OrganisationDecision = 'verify' | 'reject' | 'withdraw';

/** What the page says once the dialog closes: the decision taken, or why the list changed under the admin. */
export interface DecisionNotice {
  tone: 'success' | 'warning';
  text: string;
}

interface DecisionDialogProps {
  organisation: AdminOrganisation | null;
  decision: OrganisationDecision;
  industryLabel: (code: string) => string;
  onClose: (notice?: DecisionNotice) => void;
}

const DIALOG = { verify: 'verifyDialog', reject: 'rejectDialog', withdraw: 'withdrawDialog' } as const;

/** Verify exactly what is shown, reject with a reason, or withdraw a verification with a reason; each is audited. */
export function DecisionDialog({ organisation, decision, industryLabel, onClose }: DecisionDialogProps) {
  const { t, i18n } = useTranslation('adminOrganisations');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const name = organisation?.name ?? '';
  const dialog = DIALOG[decision];
  const needsReason = decision !== 'verify';
  const reasonDialog = decision === 'withdraw' ? 'withdrawDialog' : 'rejectDialog';

  const reset = () => {
    setReason('');
    setReasonError(null);
    setFailure(null);
  };
  const reload = () => void queryClient.invalidateQueries({ queryKey: trpc.admin.organisations.pathKey() });
  const done = () => {
    reload();
    reset();
    onClose({ tone: 'success', text: t(`${dialog}.done`, { name }) });
  };
  const onError = (error: unknown) => {
    const described = describeError(error);
    const field = described.fieldErrors['reason']?.[0];
    if (field) return setReasonError(fieldErrorText(tc, i18n, field));
    const code = described.reason?.code;
    if (code === 'detailsChanged') {
      // The dialog showed the old details: close it, so the admin reads the new ones in the list before deciding.
      reload();
      reset();
      return onClose({ tone: 'warning', text: t('errors.detailsChanged', { name }) });
    }
    const details = (param: string) =>
      String(described.reason?.params[param] ?? '')
        .split(',')
        .filter(Boolean)
        .map((detail) => t(`missing.${detail}` as 'missing.kvkNumber'))
        .join(', ');
    let text: string = tc(described.messageKey);
    if (code === 'incomplete') text = t('errors.incomplete', { missing: details('missing') });
    else if (code === 'invalidDetails') text = t('errors.invalidDetails', { invalid: details('invalid') });
    else if (code === 'alreadyDecided') text = t('errors.alreadyDecided');
    else if (code === 'notVerified') text = t('errors.notVerified');
    setFailure(`${t('failed')} ${text}`);
  };
  const verify = useMutation(trpc.admin.organisations.verify.mutationOptions({ onSuccess: done, onError }));
  const reject = useMutation(trpc.admin.organisations.reject.mutationOptions({ onSuccess: done, onError }));
  const withdraw = useMutation(trpc.admin.organisations.withdraw.mutationOptions({ onSuccess: done, onError }));

  const confirm = () => {
    if (!organisation) return;
    setFailure(null);
    // The version of the details this dialog shows: the server verifies only those.
    if (decision === 'verify') return verify.mutate({ id: organisation.id, detailsVersion: organisation.detailsVersion });
    const parsed = rejectionReasonSchema.safeParse(reason);
    if (!parsed.success) return setReasonError(fieldErrorText(tc, i18n, parsed.error.issues[0]!.message));
    (decision === 'reject' ? reject : withdraw).mutate({ id: organisation.id, reason: parsed.data });
  };

  return (
    <ConfirmDialog
      open={organisation !== null}
      title={t(`${dialog}.title`)}
      confirmLabel={t(`${dialog}.confirm`)}
      cancelLabel={tc('common.cancel')}
      tone={needsReason ? 'danger' : 'default'}
      onConfirm={confirm}
      onCancel={() => {
        reset();
        onClose();
      }}
      confirming={verify.isPending || reject.isPending || withdraw.isPending}
      error={failure}
    >
      {organisation && decision === 'verify' ? (
        <p>
          {t('verifyDialog.body', {
            name,
            kvk: organisation.kvkNumber ?? '',
            vat: organisation.vatNumber ?? '',
            industry: organisation.industry ? industryLabel(organisation.industry) : '',
          })}
        </p>
      ) : null}
      {organisation && needsReason ? (
        <div className="decision-dialog">
          <p>{t(`${reasonDialog}.body`, { name })}</p>
          <TextField
            label={t(`${reasonDialog}.reasonLabel`)}
            hint={t(`${reasonDialog}.reasonHint`)}
            name="reason"
            maxLength={REJECTION_REASON_MAX}
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
