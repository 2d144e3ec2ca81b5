import { describe, expect, it } from 'vitest';
import type { AuditPage } from '@dd/contract';
import { renderPage, textOf } from '../../app/testing/render-page';
import { AdminAuditPage } from './admin-audit-page';
import { auditInput, NO_FILTERS } from './audit-filters';
import { detailLines } from './audit-table';

const page: AuditPage = {
  entries: [
    {
      id: 42,
      at: '2026-11-21T10:00:00.000Z',
      actorUserId: '00000000-0000-4000-8000-0000000000ad',
      actorRole: 'admin',
      actorName: 'Femke Jansen',
      action: 'organisation.rejected',
      subjectType: 'organisation',
      subjectId: '00000000-0000-4000-8000-0000000000a1',
      details: { name: 'Bakkerij de Graaf', reason: 'Geen bestaand btw-nummer.' },
    },
    { id: 41, at: '2026-11-20T10:00:00.000Z', actorUserId: null, actorRole: 'system', actorName: null, action: 'customer.erased', subjectType: 'user', subjectId: 'u1', details: { unclaimedCents: 120 } },
    { id: 40, at: '2026-11-19T10:00:00.000Z', actorUserId: '00000000-0000-4000-8000-0000000000c5', actorRole: 'customer', actorName: null, action: 'payout.requested', subjectType: 'payout', subjectId: 'p1', details: {} },
  ],
  nextCursor: 41,
};

const render = async (language: 'nl' | 'en', data: AuditPage | 'loading') => {
  const html = await renderPage(<AdminAuditPage />, {
    language,
    path: '/admin/audit',
    seed: (trpc, queryClient) => {
      queryClient.setQueryData(trpc.admin.audit.facets.queryKey(), { actions: ['customer.erased', 'organisation.rejected'], subjectTypes: ['organisation', 'user'] });
      if (data !== 'loading') queryClient.setQueryData(trpc.admin.audit.search.queryKey(auditInput(NO_FILTERS, undefined)), data);
    },
  });
  return { html, text: textOf(html) };
};

describe('the audit log page', () => {
  it('lists entries newest first with actor, subject and details, and pages on', async () => {
    const { html, text } = await render('nl', page);
    expect(text).toContain('Auditlog');
    expect(html).toContain('role="search"');
    expect(html).toMatch(/<option value="organisation.rejected">organisation.rejected<\/option>/);
    expect(text.indexOf('organisation.rejected', text.indexOf('Details'))).toBeLessThan(text.indexOf('customer.erased', text.indexOf('Details')));
    expect(text).toContain('reason: Geen bestaand btw-nummer.');
    // The actor by name and role, never by id; an erased account says so.
    expect(text).toContain('Femke Jansen beheerder');
    expect(text).not.toContain('00000000-0000-4000-8000-0000000000ad');
    expect(text).not.toContain('00000000-0000-4000-8000-0000000000c5');
    expect(text).toContain('verwijderd account klant');
    expect(text).toContain('systeem');
    expect(text).toContain('Pagina 1');
    const newer = /<button[^>]*>Nieuwere regels<\/button>/.exec(html)![0];
    const older = /<button[^>]*>Oudere regels<\/button>/.exec(html)![0];
    expect(newer).toContain('disabled=""');
    expect(older).not.toContain('disabled=""');
  });

  it('says when nothing matches, and shows loading while searching, in English too', async () => {
    expect((await render('en', { entries: [], nextCursor: null })).text).toContain('No entries match these filters.');
    expect((await render('en', 'loading')).text).toContain('Loading');
  });

  it('sends only the filters that are set', () => {
    expect(auditInput({ ...NO_FILTERS, query: '  btw ', from: '2026-11-01' }, 7)).toEqual({ query: 'btw', from: '2026-11-01', cursor: 7 });
    expect(detailLines({ a: 'x', b: { c: 1 } })).toEqual(['a: x', 'b: {"c":1}']);
  });
});
