import type { TranslationShape } from '../../i18n/translation-shape';
import type { offersNl } from './offers.nl';

export const offersEn: TranslationShape<typeof offersNl> = {
  title: 'Offers',
  eyebrow: 'Your inbox',
  description: 'Offers from advertisers for groups you were part of. They only arrive here: never by email, never with your name attached.',
  totalsNote: 'The advertiser does not know who you are. They only see totals: about how many people received, opened and clicked an offer.',
  listLabel: 'Your offers',
  loadError: 'Your offers could not be loaded',
  emptyTitle: 'No offers yet',
  emptyBody: 'Offers only arrive if you consent to the purpose ‘offers’, per kind of data. Without that consent you are never counted for a campaign.',
  toConsent: 'Go to consent',
  card: {
    from: 'From {{advertiser}}',
    purposeStatement: 'Why {{advertiser}} sends this, in their own words',
    received: 'Received on {{date}}',
    validUntil: 'Valid until and including {{date}}',
    expired: 'Expired',
    expiredNote: 'This offer has expired. You can still read or remove it.',
    new: 'New',
    show: 'Show offer',
    hide: 'Hide offer',
    code: 'Discount code',
    goTo: 'Go to the offer',
    newTab: '(opens in a new tab)',
    dismiss: 'Remove',
    dismissLabel: 'Remove offer ‘{{title}}’',
    why: 'You get this because you consented to offers and were in the group {{advertiser}} chose. {{advertiser}} does not know who you are.',
    previewLink: 'Link: {{url}}',
  },
  dismissed: 'The offer ‘{{title}}’ has been removed.',
  actionFailed: 'That did not work.',
};
