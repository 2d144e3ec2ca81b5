import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { STATEMENT_MAX_BYTES, SUPPORTED_STATEMENT_FORMATS } from '@dd/contract';
import { Alert, Button, Card, FileField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { formatBytes } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { problemText } from './problem-text';
import { acceptedStillInProgress, isInProgress, STATEMENT_ACCEPT } from './upload-rules';
import { useStatementUpload } from './use-statement-upload';

const FORMATS = SUPPORTED_STATEMENT_FORMATS.join(', ');

/** Choose a statement, check it here, send the file as it is; the list below follows its import. */
export function UploadPanel() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const limit = formatBytes(STATEMENT_MAX_BYTES, i18n.language);

  const upload = useMutation(
    trpc.imports.upload.mutationOptions({
      onSuccess: (summary) => {
        queryClient.setQueryData(trpc.imports.list.queryKey(), (current) => [summary, ...(current ?? []).filter((u) => u.id !== summary.id)]);
        void queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey() });
      },
    }),
  );

  const { inputRef, file, problem, accepted, choose, submit } = useStatementUpload(upload);
  // The list below polls while an upload is read; this reads the same cache to drop the banner when it ends.
  const uploads = useQuery(trpc.imports.list.queryOptions());
  const reading = acceptedStillInProgress(accepted, uploads.data, isInProgress);

  const serverError = upload.isError ? describeError(upload.error) : null;
  const fileError = serverError?.fieldErrors['file']?.[0];
  // The API names what is wrong with the file (empty, too large, no statement, …) by a reason code.
  const serverMessage = serverError?.reason
    ? problemText(t, i18n, serverError.reason)
    : serverError?.code === 'VALIDATION_FAILED'
      ? fileError && i18n.exists(fileError)
        ? t(fileError as 'validation.invalid', { limit })
        : t('data.upload.unsupported', { formats: FORMATS })
      : serverError
        ? t(serverError.messageKey)
        : null;

  return (
    <Card as="section" icon="upload" headingLevel={2} title={t('data.upload.title')} className="upload-panel">
      <div className="upload-panel__layout">
        <form className="upload-panel__form" noValidate onSubmit={submit}>
          <p>{t('data.upload.intro')}</p>
          <FileField
            ref={inputRef}
            name="file"
            label={t('data.upload.fileLabel')}
            hint={t('data.upload.fileHint', { formats: FORMATS, limit })}
            accept={STATEMENT_ACCEPT}
            onChange={choose}
            error={problem ? t(problem, { limit }) : undefined}
            selected={file ? t('data.upload.selected', { name: file.name, size: formatBytes(file.size, i18n.language) }) : undefined}
          />
          {serverMessage ? (
            <Alert tone="danger" title={t('data.upload.rejectedTitle')}>
              <p>{serverMessage}</p>
            </Alert>
          ) : null}
          {reading ? <Alert tone="success">{t('data.upload.accepted', { name: reading.fileName })}</Alert> : null}
          <div>
            <Button type="submit" loading={upload.isPending}>
              {t('data.upload.submit')}
            </Button>
          </div>
        </form>
        <aside className="upload-panel__help" aria-labelledby="upload-how-title">
          <h3 id="upload-how-title" className="upload-panel__help-title">
            {t('data.upload.howTitle')}
          </h3>
          <ul className="upload-panel__how">
            <li>{t('data.upload.how.ing')}</li>
            <li>{t('data.upload.how.rabobank')}</li>
            <li>{t('data.upload.how.abnAmro')}</li>
            <li>{t('data.upload.how.camt')}</li>
          </ul>
          <p className="upload-panel__note">{t('data.upload.unchanged')}</p>
        </aside>
      </div>
    </Card>
  );
}
