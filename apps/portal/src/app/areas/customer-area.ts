/** A customer's pages: one chunk, loaded when a customer first opens one of them. */
export { ConsentPage } from '../../features/consent/consent-page';
export { EarningsPage } from '../../features/earnings/earnings-page';
export { CustomerHomePage } from '../../features/home/customer-home-page';
export { MyDataPage } from '../../features/my-data/my-data-page';
export { OffersPage } from '../../features/offers/offers-page';
export { PrivacyPage } from '../../features/privacy/privacy-page';
export { ProfilePage } from '../../features/profile/profile-page';
export { TimelinePage } from '../../features/timeline/timeline-page';
