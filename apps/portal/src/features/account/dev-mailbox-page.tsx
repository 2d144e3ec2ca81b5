import { Fragment } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, EmptyState, LoadingBlock, PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';

interface DevMailboxMessage {
  id: string;
  to: string;
  subject: string;
  date: string;
  text: string;
}

/** Plain fetch: the mailbox is a development route of the API server (apps/api dev-mailbox.route.ts), not a tRPC procedure. */
async function fetchMailbox(): Promise<DevMailboxMessage[]> {
  const response = await fetch('/dev/mailbox/messages', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { messages: DevMailboxMessage[] }).messages;
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** The plain-text part with its links clickable. */
function TextWithLinks({ text }: { text: string }) {
  return (
    <pre className="dev-mailbox__text" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text.split(URL_PATTERN).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

/** `/dev/mailbox`: what the worker wrote to the mail folder when no SMTP server is set (development only; a 404 in production). */
export function DevMailboxPage() {
  const { t } = useTranslation('account');
  usePageTitle(t('mailbox.title'));
  const mailbox = useQuery({ queryKey: ['dev-mailbox'], queryFn: fetchMailbox, retry: false });
  return (
    <div className="page dd-container">
      <PageHeader
        title={t('mailbox.title')}
        description={t('mailbox.description')}
        actions={
          <Button variant="secondary" onClick={() => void mailbox.refetch()} loading={mailbox.isFetching}>
            {t('mailbox.refresh')}
          </Button>
        }
      />
      {mailbox.isPending ? (
        <LoadingBlock label={t('mailbox.title')} />
      ) : mailbox.isError ? (
        <Alert tone="danger">{t('mailbox.loadError')}</Alert>
      ) : mailbox.data.length === 0 ? (
        <EmptyState title={t('mailbox.empty')} headingLevel={2} />
      ) : (
        mailbox.data.map((message) => (
          <article key={message.id} data-recipient={message.to}>
            <Card title={message.subject} headingLevel={2}>
              <p>
                {t('mailbox.to')}: {message.to} · {message.date}
              </p>
              <TextWithLinks text={message.text} />
            </Card>
          </article>
        ))
      )}
    </div>
  );
}
