import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Viewer } from '@dd/contract';
import { Badge, Button, Icon } from '@dd/ui';
import { describeError } from './api-error';
import { useTRPC } from './trpc';

export function AccountMenu({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => {
        // A full page load, not a client-side navigation: it drops every cached answer that
        // belonged to this person, so nothing of theirs survives for the next one at this device.
        window.location.assign('/');
      },
      onError: (error) => {
        // The session had already ended (expired, or signed out in another tab): same outcome.
        if (describeError(error).code === 'NOT_SIGNED_IN') window.location.assign('/');
      },
    }),
  );

  return (
    <div className="account-menu" role="group" aria-label={t('nav.account')}>
      <div className="account-menu__who">
        <span className="account-menu__name" title={viewer.displayName}>
          {viewer.displayName}
        </span>
        <Badge tone="brand">{t(`roles.${viewer.role}`)}</Badge>
      </div>
      {/* On a phone only the icon shows (the text stays the link's name), so the bar keeps one row. */}
      <Link to="/account" className="account-menu__link">
        <Icon name="user" size={16} />
        <span className="account-menu__link-text">{t('nav.accountSettings')}</span>
      </Link>
      <Button variant="secondary" size="sm" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        <Icon name="logOut" size={16} />
        {t('nav.signOut')}
      </Button>
      {signOut.isError && describeError(signOut.error).code !== 'NOT_SIGNED_IN' ? (
        <p className="account-menu__error" role="alert">
          {t('nav.signOutFailed')} {t(describeError(signOut.error).messageKey)}
        </p>
      ) : null}
    </div>
  );
}
