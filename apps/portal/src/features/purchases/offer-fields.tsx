import { useTranslation } from 'react-i18next';
import { canonicalOfferUrl, OFFER_BODY_MAX, OFFER_CODE_MAX, OFFER_TITLE_MAX } from '@dd/contract';
import { TextField } from '@dd/ui';
import { OfferCard } from '../offers/offer-card';
import { TextAreaField } from './text-area-field';

export interface OfferState {
  title: string;
  body: string;
  url: string;
  code: string;
  /** YYYY-MM-DD, as a date input gives it. */
  endsOn: string;
}

const DEFAULT_DAYS = 30;
/** The server refuses offers that run longer (libs/marketplace OFFER_MAX_DAYS). */
const OFFER_MAX_DAYS = 90;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, days: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

/** A new offer runs for a month unless the advertiser says otherwise. */
export function emptyOffer(today: Date = new Date()): OfferState {
  return { title: '', body: '', url: '', code: '', endsOn: addDays(isoDay(today), DEFAULT_DAYS) };
}

const FIELD_OF_KEY: Record<string, keyof OfferState> = {
  offerTitleRequired: 'title',
  offerTitleTooLong: 'title',
  offerTitleMarkup: 'title',
  offerTitleHiddenCharacters: 'title',
  offerTitleScreened: 'title',
  offerBodyRequired: 'body',
  offerBodyTooLong: 'body',
  offerBodyMarkup: 'body',
  offerBodyHiddenCharacters: 'body',
  offerBodyScreened: 'body',
  offerUrlInvalid: 'url',
  offerUrlNotHttps: 'url',
  offerUrlUserinfo: 'url',
  offerUrlBackslash: 'url',
  offerUrlHiddenCharacters: 'url',
  offerLinkOrCode: 'url',
  offerCodeTooLong: 'code',
  offerCodeMarkup: 'code',
  offerCodeHiddenCharacters: 'code',
  offerCodeScreened: 'code',
  dateInvalid: 'endsOn',
  offerEndsInPast: 'endsOn',
  offerEndsTooLate: 'endsOn',
};

/** The part of the offer a server error key is about (the API reports them all under `offer`). */
export function offerFieldOf(key: string): string | undefined {
  const bare = key.replace(/^marketplace\.errors\./, '');
  const field = FIELD_OF_KEY[bare];
  return field ? `offer.${field}` : undefined;
}

interface OfferFieldsProps {
  offer: OfferState;
  errors: Record<string, string>;
  advertiser: string;
  onChange: (field: keyof OfferState, value: string) => void;
}

/** The offer's fields beside a live preview of the card in the member's inbox. */
export function OfferFields({ offer, errors, advertiser, onChange }: OfferFieldsProps) {
  const { t } = useTranslation('purchases');
  const today = isoDay(new Date());
  const preview = {
    title: offer.title.trim() || t('form.previewEmptyTitle'),
    body: offer.body.trim() || t('form.previewEmptyBody'),
    // As it will be stored and shown to members: an international domain as punycode (xn--).
    url: canonicalOfferUrl(offer.url),
    code: offer.code.trim() || null,
    endsOn: offer.endsOn,
  };
  return (
    <section className="page-section offer-fields" aria-labelledby="offer-fields-title">
      <h2 id="offer-fields-title" className="page-section__title">
        {t('form.offerLegend')}
      </h2>
      <div className="offer-fields__grid">
        <div className="offer-fields__inputs">
          <TextField
            id="offer-title"
            label={t('form.offerTitle')}
            name="offerTitle"
            autoComplete="off"
            maxLength={OFFER_TITLE_MAX + 20}
            value={offer.title}
            error={errors['offer.title']}
            onChange={(event) => onChange('title', event.target.value)}
          />
          <TextAreaField
            id="offer-body"
            label={t('form.offerBody')}
            name="offerBody"
            rows={4}
            maxLength={OFFER_BODY_MAX + 50}
            value={offer.body}
            error={errors['offer.body']}
            onChange={(event) => onChange('body', event.target.value)}
          />
          <TextField
            id="offer-url"
            type="url"
            inputMode="url"
            label={t('form.offerUrl')}
            hint={t('form.offerUrlHint')}
            name="offerUrl"
            autoComplete="url"
            placeholder="https://"
            value={offer.url}
            error={errors['offer.url']}
            onChange={(event) => onChange('url', event.target.value)}
          />
          <TextField
            id="offer-code"
            label={t('form.offerCode')}
            hint={t('form.offerCodeHint')}
            name="offerCode"
            autoComplete="off"
            maxLength={OFFER_CODE_MAX + 10}
            value={offer.code}
            error={errors['offer.code']}
            onChange={(event) => onChange('code', event.target.value)}
          />
          <TextField
            id="offer-ends-on"
            type="date"
            label={t('form.offerEndsOn')}
            name="offerEndsOn"
            min={today}
            max={addDays(today, OFFER_MAX_DAYS)}
            value={offer.endsOn}
            error={errors['offer.endsOn']}
            onChange={(event) => onChange('endsOn', event.target.value)}
          />
        </div>
        <div className="offer-fields__preview">
          <h3 className="offer-fields__preview-title">{t('form.previewTitle')}</h3>
          <OfferCard advertiser={advertiser} offer={preview} mode="preview" headingLevel={4} />
        </div>
      </div>
    </section>
  );
}
