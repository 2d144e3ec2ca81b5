import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { useTRPC } from '../../app/trpc';
import { ReviewList } from './review-list';
import { StatementList } from './statement-list';
import { StatementUploadPanel } from './statement-upload-panel';
import './bank-statements.css';

/** The admin's payments in: import the platform's statement, follow it, and review what did not match. */
export function BankStatementsPage() {
  const { t } = useTranslation('bankStatements');
  const trpc = useTRPC();
  usePageTitle(t('title'));
  // Only fills in the account number in the instructions; the page works without it.
  const account = useQuery(trpc.admin.billing.account.queryOptions(undefined, { staleTime: Infinity }));

  return (
    <div className="page dd-container">
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} description={t('description')} />
      <div className="dd-stack dd-stack--lg">
        <StatementUploadPanel platformIban={account.data?.iban ?? null} />
        <ReviewList />
        <StatementList />
      </div>
    </div>
  );
}
