import { useTranslation } from 'react-i18next';
import { Button, Icon } from '@dd/ui';

interface SaveBarProps {
  count: number;
  saving: boolean;
  /** A problem to show next to the buttons (translated). */
  error: string | null;
  onDiscard: () => void;
}

/** Sticks to the bottom of the screen while there are unsaved choices; the form's submit button. */
export function SaveBar({ count, saving, error, onDiscard }: SaveBarProps) {
  const { t } = useTranslation();
  return (
    <div className="save-bar" role="region" aria-label={t('consent.saveBar.label')}>
      <div className="save-bar__inner">
        <p className="save-bar__text" aria-live="polite">
          <Icon name="info" size={18} />
          <span>{t('consent.saveBar.unsaved', { count })}</span>
        </p>
        {error ? (
          <p className="save-bar__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="save-bar__actions">
          <Button variant="ghost" onClick={onDiscard} disabled={saving}>
            {t('consent.saveBar.discard')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('consent.saveBar.save')}
          </Button>
        </div>
      </div>
    </div>
  );
}
