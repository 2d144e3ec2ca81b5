/** An advertiser's pages: one chunk, loaded when an advertiser first opens one of them. */
export { BillingPage } from '../../features/billing/billing-page';
export { InvoicePage } from '../../features/billing/invoice-page';
export { AdvertiserHomePage } from '../../features/home/advertiser-home-page';
export { OrganisationPage } from '../../features/organisation/organisation-page';
export { PurchaseDetailPage } from '../../features/purchases/purchase-detail-page';
export { PurchaseFormPage } from '../../features/purchases/purchase-form-page';
export { PurchasesPage } from '../../features/purchases/purchases-page';
export { SegmentBuilderPage } from '../../features/segments/segment-builder-page';
export { SegmentsPage } from '../../features/segments/segments-page';
