import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferDto } from '@dd/contract';
import { Badge, buttonClassName, cx, Icon } from '@dd/ui';
import { formatDate } from '../../app/format';
import './offers.css';

/** Only an https link may be opened from an inbox (the contract refuses anything else, this checks again). */
export const isHttpsUrl = (url: string | null | undefined): url is string => typeof url === 'string' && /^https:\/\/[^\s]+$/i.test(url);

/** A preview may hold a date still being typed: only a real one is shown. */
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

interface OfferCardProps {
  advertiser: string;
  offer: OfferDto;
  /** The advertiser's purpose statement (plain text), shown with the offer; omitted in previews that have none yet. */
  purposeStatement?: string | null | undefined;
  expired?: boolean;
  headingLevel?: 2 | 3 | 4;
  /**
   * `preview`: what an advertiser or admin sees, "as the member will see it": the link is shown, not
   * followed. `inbox`: the member's own card, whose link opens in a new tab.
   */
  mode: 'preview' | 'inbox';
  /** Inbox: called when the member follows the link (before the browser opens it). */
  onFollow?: (event: MouseEvent<HTMLAnchorElement>) => void;
  /** Shown between the head and the body, e.g. the inbox's disclosure button. */
  toggle?: ReactNode;
  /** Inbox: the body is folded away until the member opens the card. */
  bodyHidden?: boolean;
  bodyId?: string;
  /** Extra badges in the head (e.g. "new"). */
  badges?: ReactNode;
  /** Extra actions under the body (e.g. dismiss). */
  actions?: ReactNode;
  className?: string;
}

/** One offer as a member's inbox shows it: advertiser, headline, text, code, link and how long it is valid. */
export function OfferCard({ advertiser, offer, purposeStatement, expired = false, headingLevel = 3, mode, onFollow, toggle, bodyHidden = false, bodyId, badges, actions, className }: OfferCardProps) {
  const { t, i18n } = useTranslation('offers');
  const Heading = headingLevel === 2 ? 'h2' : headingLevel === 3 ? 'h3' : 'h4';
  const url = isHttpsUrl(offer.url) ? offer.url : null;

  return (
    <article className={cx('offer-card', expired && 'offer-card--expired', mode === 'preview' && 'offer-card--preview', className)}>
      <header className="offer-card__head">
        <p className="offer-card__from">{t('card.from', { advertiser })}</p>
        <Heading className="offer-card__title">{offer.title}</Heading>
        <p className="offer-card__meta">
          {isDate(offer.endsOn) ? (
            <span>
              <Icon name="calendar" size={14} /> {t('card.validUntil', { date: formatDate(offer.endsOn, i18n.language) })}
            </span>
          ) : null}
          {expired ? <Badge tone="warning">{t('card.expired')}</Badge> : null}
          {badges}
        </p>
      </header>
      {toggle}
      <div className="offer-card__body" id={bodyId} hidden={bodyHidden}>
        <p className="offer-card__text">{offer.body}</p>
        {offer.code ? (
          <p className="offer-card__code">
            <span className="offer-card__code-label">{t('card.code')}</span>
            <code className="offer-card__code-value">{offer.code}</code>
          </p>
        ) : null}
        {expired ? <p className="offer-card__note">{t('card.expiredNote')}</p> : null}
        {purposeStatement ? (
          <div className="offer-card__purpose">
            <p className="offer-card__purpose-label">{t('card.purposeStatement', { advertiser })}</p>
            <p className="offer-card__purpose-text">{purposeStatement}</p>
          </div>
        ) : null}
        {url || actions ? (
          <div className="offer-card__actions">
            {url && mode === 'inbox' ? (
              <a href={url} target="_blank" rel="noopener noreferrer" className={buttonClassName('primary', 'sm')} onClick={onFollow}>
                {t('card.goTo')}
                <span className="dd-visually-hidden"> {t('card.newTab')}</span>
              </a>
            ) : null}
            {url && mode === 'preview' ? (
              <>
                <span className={buttonClassName('primary', 'sm', 'offer-card__fake-link')} aria-hidden="true">
                  {t('card.goTo')}
                </span>
                <span className="offer-card__url">{t('card.previewLink', { url })}</span>
              </>
            ) : null}
            {actions}
          </div>
        ) : null}
        <p className="offer-card__why">{t('card.why', { advertiser })}</p>
      </div>
    </article>
  );
}
