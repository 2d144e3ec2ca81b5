import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ConsentState } from '@dd/contract';
import { Button, Card, ConfirmDialog } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { useTRPC } from '../../app/trpc';

/** One button that ends every grant at once, after a confirmation. */
export function WithdrawAll({ state, onWithdrawn }: { state: ConsentState; onWithdrawn: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation(
    trpc.consent.withdrawAll.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.consent.get.queryKey(), next);
        void queryClient.invalidateQueries({ queryKey: trpc.consent.history.queryKey() });
        setConfirming(false);
        onWithdrawn();
      },
    }),
  );
  const anyGranted = state.cells.some((cell) => cell.granted);

  return (
    <Card as="section" icon="warning" headingLevel={2} title={t('consent.withdraw.title')} className="withdraw-all">
      <p>{t('consent.withdraw.body')}</p>
      {anyGranted ? (
        <div>
          <Button
            variant="danger"
            onClick={() => {
              withdraw.reset();
              setConfirming(true);
            }}
          >
            {t('consent.withdraw.button')}
          </Button>
        </div>
      ) : (
        <p className="withdraw-all__nothing">{t('consent.withdraw.nothing')}</p>
      )}
      <ConfirmDialog
        open={confirming}
        tone="danger"
        title={t('consent.withdraw.confirmTitle')}
        confirmLabel={t('consent.withdraw.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => withdraw.mutate()}
        onCancel={() => setConfirming(false)}
        confirming={withdraw.isPending}
        error={withdraw.isError ? `${t('consent.withdraw.failed')} ${t(describeError(withdraw.error).messageKey)}` : undefined}
      >
        <p>{t('consent.withdraw.confirmBody')}</p>
      </ConfirmDialog>
    </Card>
  );
}
