import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatIban, payoutDecisionNoteSchema, type AdminPayoutRequest } from '@dd/contract';
import { ConfirmDialog, formatAmount, TextField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { fieldErrorText } from '../../app/field-error-text';
import { useTRPC } from '../../app/trpc';

export type Decision = 'approve' | 'reject';

interface DecisionDialogProps {
  request: AdminPayoutRequest | null;
  decision: Decision;
  onClose: (message?: string) => void;
}

/** Approve or reject one request, always with a reason (it goes into the audit log; a rejected member sees it). */
export function DecisionDialog({ request, decision, onClose }: DecisionDialogProps) {
  const { t, i18n } = useTranslation('adminPayouts');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const done = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.admin.payouts.pathKey() });
    setNote('');
    onClose(t(decision === 'approve' ? 'decision.approved' : 'decision.rejected'));
  };
  const onError = (error: unknown) => {
    const described = describeError(error);
    const field = described.fieldErrors['note']?.[0];
    if (field) setNoteError(fieldErrorText(tc, i18n, field));
    else {
      const code = described.reason?.code;
      const reason = code && i18n.exists(`adminPayouts:errors.${code}`) ? t(`errors.${code}` as 'errors.notInReview') : tc(described.messageKey);
      setFailure(`${t('decision.failed')} ${reason}`);
    }
  };
  const approve = useMutation(trpc.admin.payouts.approve.mutationOptions({ onSuccess: done, onError }));
  const reject = useMutation(trpc.admin.payouts.reject.mutationOptions({ onSuccess: done, onError }));
  const pending = approve.isPending || reject.isPending;

  const confirm = () => {
    setFailure(null);
    const parsed = payoutDecisionNoteSchema.safeParse(note);
    if (!parsed.success) {
      setNoteError(fieldErrorText(tc, i18n, parsed.error.issues[0]!.message));
      return;
    }
    const input = { requestId: request!.id, note: parsed.data };
    if (decision === 'approve') approve.mutate(input);
    else reject.mutate(input);
  };

  const cancel = () => {
    setNote('');
    setNoteError(null);
    setFailure(null);
    onClose();
  };

  return (
    <ConfirmDialog
      open={request !== null}
      title={t(decision === 'approve' ? 'decision.approveTitle' : 'decision.rejectTitle')}
      confirmLabel={t(decision === 'approve' ? 'decision.confirmApprove' : 'decision.confirmReject')}
      cancelLabel={tc('common.cancel')}
      tone={decision === 'reject' ? 'danger' : 'default'}
      onConfirm={confirm}
      onCancel={cancel}
      confirming={pending}
      error={failure}
    >
      {request ? (
        <div className="decision-dialog">
          <p>
            {t('decision.summary', {
              amount: formatAmount(request.amountCents),
              iban: formatIban(request.iban),
              name: request.accountHolder,
            })}
          </p>
          <TextField
            label={t('decision.noteLabel')}
            hint={t(decision === 'approve' ? 'decision.approveHint' : 'decision.rejectHint')}
            name="note"
            maxLength={500}
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
              setNoteError(null);
            }}
            error={noteError ?? undefined}
          />
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
