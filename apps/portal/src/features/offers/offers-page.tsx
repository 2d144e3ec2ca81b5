import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InboxOffer } from '@dd/contract';
import { Alert, Badge, Button, buttonClassName, EmptyState, Icon, PageHeader } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { OfferCard } from './offer-card';
import './offers.css';

const LIST_ID = 'offers-inbox';

/** The customer's offers inbox: read an offer, follow its link, or remove it. Advertisers only ever see totals. */
export function OffersPage() {
  const { t } = useTranslation('offers');
  usePageTitle(t('title'));
  const trpc = useTRPC();
  const inbox = useQuery(trpc.offers.inbox.queryOptions());
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);

  return (
    <div className="page dd-container offers-page">
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} description={t('description')} />
      <p className="offers-page__totals">
        <Icon name="shield" size={18} />
        <span>{t('totalsNote')}</span>
      </p>
      <div aria-live="polite" className="offers-page__live">
        {notice ? (
          <Alert tone={notice.tone} className="offers-page__notice">
            {notice.text}
          </Alert>
        ) : null}
      </div>
      {inbox.isPending ? (
        <SectionLoading />
      ) : inbox.isError ? (
        <SectionLoadError title={t('loadError')} error={inbox.error} onRetry={() => void inbox.refetch()} retrying={inbox.isFetching} />
      ) : inbox.data.length === 0 ? (
        <div className="page-section">
          <EmptyState
            icon="inbox"
            title={t('emptyTitle')}
            description={<p>{t('emptyBody')}</p>}
            actions={
              <Link to="/customer/consent" className={buttonClassName('secondary')}>
                {t('toConsent')}
              </Link>
            }
          />
        </div>
      ) : (
        <ul className="offers-list" id={LIST_ID} aria-label={t('listLabel')} tabIndex={-1}>
          {inbox.data.map((item) => (
            <li key={item.requestId} className="offers-list__item">
              <InboxItem item={item} onNotice={setNotice} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface InboxItemProps {
  item: InboxOffer;
  onNotice: (notice: { tone: 'success' | 'danger'; text: string }) => void;
}

/** One offer, folded until the member opens it; opening is counted once, in aggregate only. */
function InboxItem({ item, onNotice }: InboxItemProps) {
  const { t, i18n } = useTranslation('offers');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState(item.openedAt !== null);
  const openedSent = useRef(item.openedAt !== null);
  const clickedSent = useRef(item.clickedAt !== null);
  const bodyId = `offer-${item.requestId}-body`;

  const markOpened = useMutation(trpc.offers.open.mutationOptions());
  const markClicked = useMutation(trpc.offers.click.mutationOptions());
  const dismiss = useMutation(
    trpc.offers.dismiss.mutationOptions({
      onSuccess: () => {
        queryClient.setQueryData(trpc.offers.inbox.queryKey(), (list) => list?.filter((entry) => entry.requestId !== item.requestId));
        void queryClient.invalidateQueries({ queryKey: trpc.offers.inbox.queryKey() });
        onNotice({ tone: 'success', text: t('dismissed', { title: item.offer.title }) });
        // The card is gone: focus the list, so the keyboard stays where it was.
        document.getElementById(LIST_ID)?.focus();
      },
      onError: (error) => onNotice({ tone: 'danger', text: `${t('actionFailed')} ${tc(describeError(error).messageKey)}` }),
    }),
  );

  // Opening is counted once per card (the server keeps the first time, too).
  const markSeen = () => {
    setSeen(true);
    if (openedSent.current) return;
    openedSent.current = true;
    markOpened.mutate({ requestId: item.requestId });
  };

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next) markSeen();
  };

  // The link itself opens the offer (a new tab, no referrer); the click is counted on the way.
  const follow = () => {
    markSeen();
    if (!clickedSent.current) {
      clickedSent.current = true;
      markClicked.mutate({ requestId: item.requestId });
    }
  };


  return (
    <OfferCard
      advertiser={item.advertiser}
      purposeStatement={item.purposeStatement}
      offer={item.offer}
      expired={item.expired}
      headingLevel={2}
      mode="inbox"
      bodyId={bodyId}
      bodyHidden={!open}
      onFollow={follow}
      badges={
        <>
          {!seen ? <Badge tone="info">{t('card.new')}</Badge> : null}
          <span className="offer-card__received">{t('card.received', { date: formatDate(item.deliveredAt, i18n.language) })}</span>
        </>
      }
      toggle={
        <div className="offer-card__toggle">
          <Button variant="secondary" size="sm" aria-expanded={open} aria-controls={bodyId} onClick={toggle}>
            {open ? t('card.hide') : t('card.show')}
          </Button>
          <Button
            variant="ghost"
            size="sm"
            aria-label={t('card.dismissLabel', { title: item.offer.title })}
            loading={dismiss.isPending}
            onClick={() => dismiss.mutate({ requestId: item.requestId })}
          >
            <Icon name="trash" size={16} />
            {t('card.dismiss')}
          </Button>
        </div>
      }
    />
  );
}
