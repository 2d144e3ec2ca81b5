import { describe, expect, it } from 'vitest';
import { Outlet, Route, Routes } from 'react-router';
import type { BillingSummary, Invoice, InvoiceListItem, Viewer } from '@dd/contract';
import { renderPage, textOf } from '../../app/testing/render-page';
import { BillingPage } from './billing-page';
import { InvoicePage } from './invoice-page';

const viewer: Viewer = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'sanne@bakkerij.test',
  displayName: 'Sanne de Vries',
  role: 'advertiser',
  locale: 'nl',
  organisation: { id: '00000000-0000-4000-8000-000000000002', name: 'Bakkerij de Graaf', status: 'verified' },
};

const invoiceId = '00000000-0000-4000-8000-00000000000a';
const summary: BillingSummary = {
  balanceCents: 17_900,
  reservedCents: 0,
  paymentReference: 'DD482109375557',
  topUp: { iban: 'NL91ABNA0417164300', accountName: 'DataDividend B.V.', bic: 'ABNANL2A' },
  vatRateBp: 2_100,
  history: [
    { transactionId: 3, at: '2026-11-20T10:00:00Z', kind: 'vat', amountCents: -2_100, balanceAfterCents: 17_900, invoiceId, invoiceNumber: '2026-000001', counterpartyName: null, bookedOn: null },
    { transactionId: 2, at: '2026-11-20T10:00:00Z', kind: 'purchase', amountCents: -10_000, balanceAfterCents: 20_000, invoiceId, invoiceNumber: '2026-000001', counterpartyName: null, bookedOn: null },
    { transactionId: 1, at: '2026-11-19T06:00:00Z', kind: 'topUp', amountCents: 30_000, balanceAfterCents: 30_000, invoiceId: null, invoiceNumber: null, counterpartyName: 'Bakkerij de Graaf B.V.', bookedOn: '2026-11-18' },
  ],
};
const invoices: InvoiceListItem[] = [{ id: invoiceId, number: '2026-000001', issuedOn: '2026-11-20', description: 'Inzichtrapport', netCents: 10_000, vatCents: 2_100, totalCents: 12_100 }];

/** The page inside a role guard's outlet, as the router renders it. */
const asAdvertiser = (page: React.ReactElement) => (
  <Routes>
    <Route element={<Outlet context={viewer} />}>
      <Route path="*" element={page} />
    </Route>
  </Routes>
);

const renderBilling = async (language: 'nl' | 'en', data: BillingSummary, list: InvoiceListItem[]) =>
  textOf(
    await renderPage(asAdvertiser(<BillingPage />), {
      language,
      seed: (trpc, queryClient) => {
        queryClient.setQueryData(trpc.billing.summary.queryKey(), data);
        queryClient.setQueryData(trpc.billing.invoices.queryKey(), list);
      },
    }),
  );

describe('the advertiser’s balance page', () => {
  it('shows the balance, how to top up with the reference in groups of four, the history and the invoices', async () => {
    const text = await renderBilling('nl', summary, invoices);
    expect(text).toContain('Bakkerij de Graaf');
    expect(text).toContain('€ 179,00');
    expect(text).toContain('NL91 ABNA 0417 1643 00');
    expect(text).toContain('DD 4821 0937 5557');
    expect(text).toContain('exclusief btw. Bij een aankoop schrijven we de prijs plus 21% btw af');
    expect(text).toContain('Overboeking van Bakkerij de Graaf B.V.');
    expect(text).toContain('Aankoop, factuur 2026-000001');
    expect(text).toContain('Btw, factuur 2026-000001');
    expect(text).toContain('+ € 300,00');
    expect(text).toContain('− € 21,00');
    expect(text).not.toContain('€ -21,00');
    expect(text).toContain('€ 121,00');
    expect(text).toContain('18 november 2026');
    expect(text).not.toContain('gereserveerd');
  });

  it('names reservations for purchase requests and their release, and shows what is reserved next to the balance', async () => {
    const withReservation: BillingSummary = {
      ...summary,
      balanceCents: 5_000,
      reservedCents: 12_100,
      history: [
        { transactionId: 5, at: '2026-11-21T10:00:00Z', kind: 'release', amountCents: 2_420, balanceAfterCents: 5_000, invoiceId: null, invoiceNumber: null, counterpartyName: null, bookedOn: null },
        { transactionId: 4, at: '2026-11-21T09:00:00Z', kind: 'reservation', amountCents: -14_520, balanceAfterCents: 2_580, invoiceId: null, invoiceNumber: null, counterpartyName: null, bookedOn: null },
        ...summary.history,
      ],
    };
    const text = await renderBilling('nl', withReservation, invoices);
    expect(text).toContain('Daarnaast € 121,00 gereserveerd voor aanvragen');
    expect(text).toContain('Gereserveerd voor een aanvraag');
    expect(text).toContain('Reservering vrijgegeven');
    expect(text).toContain('− € 145,20');
    expect(text).not.toContain('Correctie');
  });

  it('explains what will appear in an empty history and invoice list, in English too', async () => {
    const text = await renderBilling('en', { ...summary, balanceCents: 0, history: [] }, []);
    expect(text).toContain('Balance and invoices');
    expect(text).toContain('€ 0,00');
    expect(text).toContain('Nothing yet. Your first transfer shows here once it has arrived.');
    expect(text).toContain('No invoices yet.');
    expect(text).toContain('Payment reference');
  });
});

describe('the printable invoice', () => {
  const invoice: Invoice = {
    id: invoiceId,
    number: '2026-000001',
    issuedOn: '2026-11-20',
    suppliedOn: '2026-11-19',
    seller: { name: 'DataDividend B.V.', addressLines: ['Keizersgracht 100', '1015 AA Amsterdam'], kvkNumber: '12345678', vatNumber: 'NL123456789B01', iban: 'NL91ABNA0417164300', accountName: 'DataDividend B.V.' },
    buyer: { name: 'Bakkerij de Graaf', addressLines: ['Dorpsstraat 12', '1234 AB  Ergens'], kvkNumber: '87654321', vatNumber: null, contactName: 'Joris de Graaf', contactEmail: 'joris@bakkerij.test' },
    lines: [{ description: 'Inzichtrapport', quantity: 3, unitPriceCents: 3_333.3333, netCents: 10_000 }],
    netCents: 10_000,
    vatRateBp: 2_100,
    vatCents: 2_100,
    totalCents: 12_100,
  };

  const renderInvoice = async (language: 'nl' | 'en') =>
    textOf(
      await renderPage(<InvoicePage />, {
        language,
        path: '/advertiser/billing/invoices/:invoiceId',
        // The memory router's entry is the pattern itself, so the id it reads is ":invoiceId".
        seed: (trpc, queryClient) => queryClient.setQueryData(trpc.billing.invoice.queryKey({ invoiceId: ':invoiceId' }), invoice),
      }),
    );

  it('states seller and buyer, the line, net, VAT and total', async () => {
    const text = await renderInvoice('nl');
    expect(text).toContain('Factuur 2026-000001');
    expect(text).toContain('Keizersgracht 100');
    expect(text).toContain('KvK 12345678');
    expect(text).toContain('Btw-nummer NL123456789B01');
    expect(text).toContain('KvK 87654321');
    expect(text).toContain('Bakkerij de Graaf Dorpsstraat 12 1234 AB Ergens');
    expect(text).not.toContain('Btw-nummer null');
    expect(text).toContain('t.a.v. Joris de Graaf');
    expect(text).toContain('joris@bakkerij.test');
    // The quantity is what was billed, said truthfully: a privacy-protected count, not "members reached".
    expect(text).toContain('Gefactureerd publiek');
    expect(text).toContain('Prijs per gefactureerde persoon');
    expect(text).toContain('het privacybeschermde aantal dat voor deze aankoop is vrijgegeven');
    expect(text).not.toMatch(/bereikt/i);
    expect(text).toContain('€ 33,3333');
    expect(text).toContain('Subtotaal excl. btw € 100,00');
    expect(text).toContain('Btw 21% € 21,00');
    expect(text).toContain('Totaal € 121,00');
    expect(text).toContain('19 november 2026');
  });

  it('reads in English', async () => {
    const text = await renderInvoice('en');
    expect(text).toContain('Invoice 2026-000001');
    expect(text).toContain('VAT 21% € 21,00');
    expect(text).toContain('Paid from your prepaid balance.');
    expect(text).toContain('Attn. Joris de Graaf');
    expect(text).toContain('Billed audience');
    expect(text).toContain('the privacy-protected count released for this purchase');
    expect(text).not.toMatch(/members reached/i);
  });
});
