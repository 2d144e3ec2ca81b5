import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatIban, RETURN_REASON_CODES, returnPayoutInput, type AdminPayoutRequest } from '@dd/contract';
import { ConfirmDialog, formatAmount, SelectField, TextField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { fieldErrorText } from '../../app/field-error-text';
import { useTRPC } from '../../app/trpc';
import { returnReasonText } from '../earnings/payout-text';

interface ReturnDialogProps {
  request: AdminPayoutRequest | null;
  onClose: (message?: string) => void;
}

/** "Returned by the bank": the reason code the bank gives (and a note); the money goes back to the member's earnings. */
export function ReturnDialog({ request, onClose }: ReturnDialogProps) {
  const { t, i18n } = useTranslation('adminPayouts');
  const { t: te } = useTranslation('earnings');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reasonCode, setReasonCode] = useState('');
  const [note, setNote] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const reset = () => {
    setReasonCode('');
    setNote('');
    setReasonError(null);
    setFailure(null);
  };
  const mark = useMutation(
    trpc.admin.payouts.markReturned.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.admin.payouts.pathKey() });
        reset();
        onClose(t('returnDialog.done'));
      },
      onError: (error) => {
        const described = describeError(error);
        const code = described.reason?.code;
        const reason = code && i18n.exists(`adminPayouts:errors.${code}`) ? t(`errors.${code}` as 'errors.notReturnable') : tc(described.messageKey);
        setFailure(`${t('returnDialog.failed')} ${reason}`);
      },
    }),
  );

  const confirm = () => {
    setFailure(null);
    const parsed = returnPayoutInput.safeParse({ requestId: request!.id, reasonCode, note });
    if (!parsed.success) {
      const issue = parsed.error.issues.find((i) => i.path[0] === 'reasonCode') ?? parsed.error.issues[0]!;
      setReasonError(fieldErrorText(tc, i18n, issue.message));
      return;
    }
    mark.mutate(parsed.data);
  };

  return (
    <ConfirmDialog
      open={request !== null}
      title={t('returnDialog.title')}
      confirmLabel={t('returnDialog.confirm')}
      cancelLabel={tc('common.cancel')}
      onConfirm={confirm}
      onCancel={() => {
        reset();
        onClose();
      }}
      confirming={mark.isPending}
      error={failure}
    >
      {request ? (
        <div className="decision-dialog">
          <p>{t('decision.summary', { amount: formatAmount(request.amountCents), iban: formatIban(request.iban), name: request.accountHolder })}</p>
          <SelectField
            label={t('returnDialog.reasonLabel')}
            name="reasonCode"
            value={reasonCode}
            onChange={(event) => {
              setReasonCode(event.target.value);
              setReasonError(null);
            }}
            error={reasonError ?? undefined}
          >
            <option value="">{t('returnDialog.reasonPlaceholder')}</option>
            {RETURN_REASON_CODES.map((code) => (
              <option key={code} value={code}>
                {code}: {returnReasonText(te, code)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('returnDialog.noteLabel')} hint={t('returnDialog.hint')} name="note" maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
