import { describe, expect, it } from 'vitest';
import type { GdprInProgress, JobsOverview } from '@dd/contract';
import { renderPage, textOf, type Seed } from '../../app/testing/render-page';
import { AdminOperationsPage } from './admin-operations-page';

const counts = (over: Partial<JobsOverview['queues'][number]['counts']> = {}) => ({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0, ...over });
const jobs: JobsOverview = {
  queues: [
    { queue: 'imports', counts: counts({ waiting: 7, active: 1, completed: 120 }), failed: [] },
    {
      queue: 'gdpr',
      counts: counts({ failed: 1 }),
      failed: [{ queue: 'gdpr', jobId: 'export-1a2b3c4d', name: 'gdpr.export', failedReason: 'connect ECONNREFUSED', attemptsMade: 5, finishedAt: '2026-11-21T10:00:00.000Z' }],
    },
  ],
};
const gdpr: GdprInProgress = {
  exports: [{ exportRef: '1a2b3c4d', customerRef: '9f8e7d6c', status: 'failed', requestedAt: '2026-11-19T10:00:00.000Z', ageMinutes: 2 * 24 * 60 + 5 }],
  erasures: [{ customerRef: '5e6f7a8b', requestedAt: '2026-11-21T10:00:00.000Z', ageMinutes: 12 }],
};

const render = async (language: 'nl' | 'en', data: { jobs: JobsOverview | 'error'; gdpr: GdprInProgress }) => {
  const seed: Seed = (trpc, queryClient) => {
    const key = trpc.admin.jobs.overview.queryKey();
    if (data.jobs === 'error') {
      queryClient.setQueryDefaults(key, { retryOnMount: false });
      queryClient.getQueryCache().build(queryClient, { queryKey: key }).setState({ status: 'error', error: new Error('offline'), fetchStatus: 'idle' });
    } else queryClient.setQueryData(key, data.jobs);
    queryClient.setQueryData(trpc.admin.gdpr.inProgress.queryKey(), data.gdpr);
  };
  const html = await renderPage(<AdminOperationsPage />, { language, path: '/admin/operations', seed });
  return { html, text: textOf(html) };
};

describe('the admin’s operations page', () => {
  it('shows every queue’s depth and states, and failed jobs with a named retry button', async () => {
    const { html, text } = await render('nl', { jobs, gdpr });
    expect(text).toContain('Wachtende en actieve taken per wachtrij');
    expect(html).toMatch(/<th scope="row">imports<\/th><td class="dd-table__number">8<\/td>/);
    expect(text).toContain('imports 7 1 0 0 120');
    expect(text).toContain('gdpr.export');
    expect(text).toContain('gdpr · export-1a2b3c4d');
    expect(text).toContain('connect ECONNREFUSED');
    expect(text).toContain('Opnieuw proberen taak gdpr.export (export-1a2b3c4d)');
  });

  it('lists GDPR requests by short reference with their age, late ones marked', async () => {
    const { html, text } = await render('nl', { jobs, gdpr });
    expect(text).toContain('AVG-verzoeken in behandeling');
    expect(text).toContain('1a2b3c4d 9f8e7d6c Mislukt');
    expect(html).toMatch(/<td class="operations__late">2 dagen<\/td>/);
    expect(text).toContain('5e6f7a8b');
    expect(text).toContain('12 minuten');
  });

  it('explains empty lists and a failed load, in English too', async () => {
    const empty = await render('en', { jobs: { queues: [{ queue: 'imports', counts: counts(), failed: [] }] }, gdpr: { exports: [], erasures: [] } });
    expect(empty.text).toContain('No failed jobs. Everything is running.');
    expect(empty.text).toContain('No exports in progress.');
    expect(empty.text).toContain('No erasure requests in progress.');
    const failed = await render('en', { jobs: 'error', gdpr });
    expect(failed.text).toContain('The queues cannot be read right now.');
    expect(failed.text).toContain('5e6f7a8b');
  });
});
