import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { STATEMENT_MAX_BYTES } from '@dd/contract';
import { Alert, Button, Card, FileField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { formatBytes } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { acceptedStillInProgress } from '../my-data/upload-rules';
import { useStatementUpload } from '../my-data/use-statement-upload';
import { formatIban } from '../billing/billing-format';
import { CAMT_ACCEPT, isInProgress, statementProblemText } from './statement-rules';

/** Choose the platform's CAMT.053 statement, check it here, send the file as it is; the list below follows its import. */
export function StatementUploadPanel({ platformIban }: { platformIban: string | null }) {
  const { t, i18n } = useTranslation('bankStatements');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const limit = formatBytes(STATEMENT_MAX_BYTES, i18n.language);

  const upload = useMutation(
    trpc.admin.billing.uploadStatement.mutationOptions({
      onSuccess: (statement) => {
        queryClient.setQueryData(trpc.admin.billing.statements.queryKey(), (current) => [statement, ...(current ?? []).filter((s) => s.id !== statement.id)]);
        void queryClient.invalidateQueries({ queryKey: trpc.admin.billing.statements.queryKey() });
      },
    }),
  );

  const { inputRef, file, problem, accepted, choose, submit } = useStatementUpload(upload);
  // The list below polls while a statement is imported; this reads the same cache to drop the banner when it ends.
  const statements = useQuery(trpc.admin.billing.statements.queryOptions());
  const processing = acceptedStillInProgress(accepted, statements.data, isInProgress);

  const serverError = upload.isError ? describeError(upload.error) : null;
  const fileError = serverError?.fieldErrors['file']?.[0];
  const serverMessage = serverError?.reason
    ? statementProblemText(tc, i18n, serverError.reason)
    : fileError && i18n.exists(fileError)
      ? tc(fileError as 'validation.invalid', { limit })
      : serverError
        ? tc(serverError.messageKey)
        : null;

  return (
    <Card as="section" icon="upload" headingLevel={2} title={t('upload.title')}>
      <form className="statement-upload" noValidate onSubmit={submit}>
        <p>{t('upload.intro', { iban: platformIban ? formatIban(platformIban) : 'IBAN' })}</p>
        <FileField
          ref={inputRef}
          name="file"
          label={t('upload.fileLabel')}
          hint={t('upload.fileHint', { limit })}
          accept={CAMT_ACCEPT}
          onChange={choose}
          error={problem ? tc(problem, { limit }) : undefined}
          selected={file ? t('upload.selected', { name: file.name, size: formatBytes(file.size, i18n.language) }) : undefined}
        />
        {serverMessage ? (
          <Alert tone="danger" title={t('upload.rejectedTitle')}>
            <p>{serverMessage}</p>
          </Alert>
        ) : null}
        {processing ? <Alert tone="success">{t('upload.accepted', { name: processing.fileName })}</Alert> : null}
        <div>
          <Button type="submit" loading={upload.isPending}>
            {t('upload.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
