import { loadWorkerEnv } from '@dd/config';
import { JOBS } from '@dd/queue';
import { describe, expect, it } from 'vitest';
import { createHandlers } from './job.handlers';

describe('createHandlers', () => {
  it('has exactly one handler for every job in the registry', () => {
    // Building handlers runs no query, so no database is needed here.
    const handlers = createHandlers({ db: {} as never, queues: () => ({}) as never, env: loadWorkerEnv({}) });
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(JOBS).sort());
  });
});
