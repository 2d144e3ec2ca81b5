import { defineJob, defineRegistry } from '@dd/queue';
import { UnrecoverableError, type Job } from 'bullmq';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJobProcessor } from './job.processor';

const registry = defineRegistry([
  defineJob({ queue: 'imports', name: 'statement.import', payload: z.object({ statementId: z.string().min(1) }) }),
  defineJob({ queue: 'exports', name: 'export.build', payload: z.object({}) }),
]);

const received: unknown[] = [];
const processor = createJobProcessor({
  queue: 'imports',
  registry,
  handlers: {
    'statement.import': async (payload, context) => {
      received.push({ payload, attempt: context.attempt, jobId: context.jobId });
      return 'imported';
    },
    'export.build': async () => 'built',
  },
  logger: pino({ level: 'silent' }),
});

// Only the fields the processor reads; BullMQ's Job itself is exercised by the integration tests.
function job(name: string, data: unknown, attemptsMade = 0): Job {
  return { id: 'job-1', name, data, attemptsMade, opts: { attempts: 5 } } as unknown as Job;
}

describe('createJobProcessor', () => {
  it('routes by job name and passes the validated payload', async () => {
    await expect(processor(job('statement.import', { statementId: 's1', extra: true }, 2))).resolves.toBe('imported');
    expect(received.at(-1)).toEqual({ payload: { statementId: 's1' }, attempt: 3, jobId: 'job-1' });
  });

  it('fails a bad payload as unrecoverable, so it is not retried', async () => {
    const run = processor(job('statement.import', { statementId: '' }));
    await expect(run).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(run).rejects.toThrow(/^Invalid payload for job "statement.import": .*statementId/);
  });

  it('fails a job that belongs to another queue or to no registry as unrecoverable', async () => {
    await expect(processor(job('export.build', {}))).rejects.toThrow(new UnrecoverableError('No handler for job "export.build" on queue "imports"'));
    await expect(processor(job('gone.job', {}))).rejects.toBeInstanceOf(UnrecoverableError);
  });
});
