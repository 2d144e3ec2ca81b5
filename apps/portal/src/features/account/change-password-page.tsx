import { useTranslation } from 'react-i18next';
import { PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { useSignedInViewer } from '../../app/use-viewer';
import { NotificationSettingsSection } from '../notifications/notification-settings-section';
import { EmailSection } from './email-section';
import { PasswordSection } from './password-section';
import { SessionsSection } from './sessions-section';
import './account-sections.css';

/** `/account`, for every signed-in role: how one signs in (address, password) and where one is signed in. */
export function AccountPage() {
  const { t } = useTranslation('account');
  usePageTitle(t('change.title'));
  const viewer = useSignedInViewer();

  return (
    <div className="page dd-container">
      <PageHeader title={t('change.title')} description={t('change.description')} />
      <div className="account-sections">
        <EmailSection currentEmail={viewer.email} />
        <PasswordSection />
        <SessionsSection />
        <NotificationSettingsSection />
      </div>
    </div>
  );
}
