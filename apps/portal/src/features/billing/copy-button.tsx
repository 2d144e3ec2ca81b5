import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Icon } from '@dd/ui';

interface CopyButtonProps {
  /** What is copied to the clipboard. */
  value: string;
  /** What it is, for the button's accessible name and the announcement ("IBAN", "Betalingskenmerk"). */
  what: string;
}

/** Copies a value and says so (visibly and to screen readers); explains what to do when the browser refuses. */
export function CopyButton({ value, what }: CopyButtonProps) {
  const { t } = useTranslation('billing');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const copy = async () => {
    window.clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
      timer.current = window.setTimeout(() => setState('idle'), 4_000);
    } catch {
      setState('failed');
    }
  };

  return (
    <span className="copy-button">
      <Button variant="secondary" size="sm" onClick={() => void copy()} aria-label={t('topUp.copyLabel', { what })}>
        <Icon name={state === 'copied' ? 'success' : 'copy'} size={16} />
        {t('topUp.copy')}
      </Button>
      <span role="status" className={state === 'failed' ? 'copy-button__status copy-button__status--failed' : 'copy-button__status'}>
        {state === 'copied' ? t('topUp.copied', { what }) : state === 'failed' ? t('topUp.copyFailed') : ''}
      </span>
    </span>
  );
}
