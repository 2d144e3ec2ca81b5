import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { twoFactorCodeInput, type TwoFactorChallenge, type Viewer } from '@dd/contract';
import { Alert, Button, TextField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { useTRPC } from '../../app/trpc';
import { FormAlert } from '../auth/form-alert';
import { useAuthForm } from '../auth/use-auth-form';
import { AuthFrame } from '../auth/auth-frame';
import './two-factor.css';

const FIELDS = ['code'] as const;

interface TwoFactorStepProps {
  challenge: TwoFactorChallenge;
  email: string;
  onSignedIn: (viewer: Viewer) => void;
  /** The challenge ran out or was used: back to the password, saying so. */
  onExpired: () => void;
  /** The person chose to go back to the password form. */
  onCancel: () => void;
}

const isExpired = (error: unknown) => describeError(error).reason?.code === 'twoFactorExpired';

/** An admin's second step after the password: the set-up the first time, a code afterwards. */
export function TwoFactorStep({ challenge, email, onSignedIn, onExpired, onCancel }: TwoFactorStepProps) {
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  if (recoveryCodes) return <RecoveryCodes token={challenge.token} codes={recoveryCodes} onSignedIn={onSignedIn} onExpired={onExpired} />;
  return <CodeForm challenge={challenge} email={email} onSignedIn={onSignedIn} onExpired={onExpired} onCancel={onCancel} onConfirmed={setRecoveryCodes} />;
}

function CodeForm({ challenge, email, onSignedIn, onExpired, onCancel, onConfirmed }: TwoFactorStepProps & { onConfirmed: (codes: string[]) => void }) {
  const { t } = useTranslation('twoFactor');
  const trpc = useTRPC();
  const settingUp = challenge.secondStep === 'setUp';
  const [recovery, setRecovery] = useState(false);
  const [values, setValues] = useState<Record<'code', string>>({ code: '' });
  // The password form this step replaces had the focus; it moves to the field the person came here for.
  const codeField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!settingUp) codeField.current?.focus();
  }, [settingUp]);
  const onError = (error: unknown) => (isExpired(error) ? onExpired() : form.applyServerError(error));
  const verify = useMutation(trpc.auth.twoFactorVerify.mutationOptions({ onSuccess: onSignedIn, onError }));
  const confirm = useMutation(trpc.auth.twoFactorConfirmSetUp.mutationOptions({ onSuccess: (result) => onConfirmed(result.recoveryCodes), onError }));
  const form = useAuthForm({
    schema: twoFactorCodeInput,
    fields: FIELDS,
    values,
    extra: { token: challenge.token },
    onValid: (data) => (settingUp ? confirm.mutate(data) : verify.mutate(data)),
  });

  const update = (event: ChangeEvent<HTMLInputElement>) => {
    const next = { code: event.target.value };
    setValues(next);
    form.revalidate('code', next);
  };
  const toggleRecovery = () => {
    setRecovery(!recovery);
    setValues({ code: '' });
    form.reset();
  };

  const title = settingUp ? t('setUp.title') : recovery ? t('recovery.title') : t('code.title');
  const description = settingUp ? t('setUp.description') : recovery ? t('recovery.description') : t('code.description');
  return (
    <AuthFrame title={title} description={description} footer={<BackToSignIn onBack={onCancel} />}>
      <form className="auth-form" noValidate onSubmit={form.handleSubmit}>
        <FormAlert message={form.formMessage} />
        {settingUp && challenge.setUp ? <SetUpInstructions setUp={challenge.setUp} email={email} /> : null}
        {recovery ? (
          <TextField
            key="recovery"
            label={t('recovery.label')}
            hint={t('recovery.hint')}
            name="code"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={values.code}
            onChange={update}
            error={form.errorFor('code')}
          />
        ) : (
          <TextField
            key="totp"
            label={t('code.label')}
            hint={settingUp ? undefined : t('code.hint')}
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9 ]*"
            maxLength={7}
            ref={codeField}
            value={values.code}
            onChange={update}
            error={form.errorFor('code')}
          />
        )}
        {settingUp ? null : (
          <p className="auth-form__aside">
            <Button type="button" variant="ghost" onClick={toggleRecovery}>
              {recovery ? t('code.useApp') : t('code.useRecovery')}
            </Button>
          </p>
        )}
        <Button type="submit" size="lg" fullWidth loading={verify.isPending || confirm.isPending}>
          {settingUp ? t('setUp.submit') : t('code.submit')}
        </Button>
      </form>
    </AuthFrame>
  );
}

function SetUpInstructions({ setUp, email }: { setUp: NonNullable<TwoFactorChallenge['setUp']>; email: string }) {
  const { t } = useTranslation('twoFactor');
  // Groups of four, as authenticator apps show keys; spaces are ignored when the key is typed in.
  const grouped = setUp.secret.replace(/(.{4})(?=.)/g, '$1 ');
  return (
    <ol className="two-factor__steps">
      <li>
        <p>{t('setUp.scanStep')}</p>
        <img className="two-factor__qr" src={setUp.qrDataUrl} width={240} height={240} alt={t('setUp.qrAlt', { email })} />
      </li>
      <li>
        <p>{t('setUp.manualStep')}</p>
        <div role="group" aria-label={t('setUp.secretLabel')}>
          <code className="two-factor__secret">{grouped}</code>
        </div>
      </li>
      <li>
        <p>{t('setUp.confirmStep')}</p>
      </li>
    </ol>
  );
}

function RecoveryCodes({ token, codes, onSignedIn, onExpired }: { token: string; codes: string[]; onSignedIn: (viewer: Viewer) => void; onExpired: () => void }) {
  const { t } = useTranslation('twoFactor');
  const { t: tShared } = useTranslation();
  const trpc = useTRPC();
  const [copied, setCopied] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const finish = useMutation(
    trpc.auth.twoFactorFinishSetUp.mutationOptions({
      onSuccess: onSignedIn,
      onError: (error) => (isExpired(error) ? onExpired() : setMessage(tShared(describeError(error).messageKey))),
    }),
  );
  const copy = () => {
    void navigator.clipboard?.writeText(codes.join('\n')).then(() => setCopied(true));
  };
  return (
    <AuthFrame title={t('recoveryCodes.title')} description={t('recoveryCodes.description')} footer={null}>
      <div className="auth-form">
        <FormAlert message={message} />
        <ul className="two-factor__codes" aria-label={t('recoveryCodes.listLabel')}>
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <Button type="button" variant="secondary" onClick={copy}>
          {t('recoveryCodes.copy')}
        </Button>
        {copied ? <Alert tone="success">{t('recoveryCodes.copied')}</Alert> : null}
        <Button type="button" size="lg" fullWidth loading={finish.isPending} onClick={() => finish.mutate({ token })}>
          {t('recoveryCodes.saved')}
        </Button>
      </div>
    </AuthFrame>
  );
}

function BackToSignIn({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation('twoFactor');
  return (
    <Button type="button" variant="ghost" onClick={onBack}>
      {t('backToSignIn')}
    </Button>
  );
}
