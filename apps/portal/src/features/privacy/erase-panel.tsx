import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Card, TextField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { fieldErrorText } from '../../app/field-error-text';
import { useTRPC } from '../../app/trpc';
import { useSignedInViewer } from '../../app/use-viewer';
import { FormAlert } from '../auth/form-alert';
import { serverFormErrors } from '../auth/form-errors';
import { confirmsEmail } from './export-status';

const ERASE_FIELDS = ['confirmEmail'] as const;

/** Right to erasure: typing the account's email is the confirmation. */
export function ErasePanel() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const viewer = useSignedInViewer();
  const inputRef = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);

  const erase = useMutation(
    trpc.privacy.erase.mutationOptions({
      onSuccess: () => {
        // A full page load: nothing of this person stays cached in the tab, and the session is gone.
        window.location.assign('/account-erased');
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormMessage(null);
    const problem = typed.trim() === '' ? t('validation.emailRequired') : confirmsEmail(typed, viewer.email) ? null : t('validation.emailMismatch');
    setFieldError(problem);
    if (problem) {
      inputRef.current?.focus();
      return;
    }
    erase.mutate(
      { confirmEmail: typed },
      {
        onError: (error) => {
          // The API says which field is wrong; its message goes under the field, anything else above the form.
          const mapped = serverFormErrors(error, ERASE_FIELDS);
          if (mapped.fieldErrors.confirmEmail) {
            setFieldError(fieldErrorText(t, i18n, mapped.fieldErrors.confirmEmail));
            inputRef.current?.focus();
          } else {
            setFormMessage(`${t('privacy.erase.failed')} ${t(describeError(error).messageKey)}`);
          }
        },
      },
    );
  };

  return (
    <Card as="section" icon="trash" headingLevel={2} title={t('privacy.erase.title')} className="erase-panel">
      <p>{t('privacy.erase.intro')}</p>
      <p className="erase-panel__export">{t('privacy.erase.exportFirst')}</p>
      <form className="erase-panel__form" noValidate onSubmit={submit}>
        <FormAlert message={formMessage} />
        <TextField
          ref={inputRef}
          label={t('privacy.erase.confirmLabel')}
          hint={t('privacy.erase.confirmHint', { email: viewer.email })}
          type="email"
          name="confirmEmail"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            if (fieldError) setFieldError(null);
          }}
          error={fieldError ?? undefined}
        />
        <div>
          <Button type="submit" variant="danger" loading={erase.isPending}>
            {t('privacy.erase.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
