import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, defineRegistry, queueNamesOf } from './job.definition';
import { JOBS } from './queue.registry';

describe('defineRegistry', () => {
  it('keys jobs by name and lists each queue once', () => {
    const registry = defineRegistry([
      defineJob({ queue: 'imports', name: 'statement.import', payload: z.object({ id: z.string() }) }),
      defineJob({ queue: 'imports', name: 'statement.reparse', payload: z.object({}) }),
      defineJob({ queue: 'exports', name: 'export.build', payload: z.object({}) }),
    ]);
    expect(Object.keys(registry)).toEqual(['statement.import', 'statement.reparse', 'export.build']);
    expect(queueNamesOf(registry)).toEqual(['imports', 'exports']);
  });

  it('refuses a job name used twice, even on different queues', () => {
    expect(() =>
      defineRegistry([
        defineJob({ queue: 'a', name: 'same.job', payload: z.object({}) }),
        defineJob({ queue: 'b', name: 'same.job', payload: z.object({}) }),
      ]),
    ).toThrow('Job name "same.job" is defined twice (queues "a" and "b"); job names must be unique across queues.');
  });

  it('refuses names that would corrupt Redis keys', () => {
    expect(() => defineRegistry([defineJob({ queue: 'bad:queue', name: 'x', payload: z.object({}) })])).toThrow(/Queue name "bad:queue" is invalid/);
    expect(() => defineRegistry([defineJob({ queue: 'ok', name: 'Bad Name', payload: z.object({}) })])).toThrow(/Job name "Bad Name" is invalid/);
  });
});

describe('JOBS', () => {
  it('has sessions.purge on the maintenance queue', () => {
    expect(JOBS['sessions.purge'].queue).toBe('maintenance');
    expect(JOBS['sessions.purge'].payload.safeParse({}).success).toBe(true);
  });

  it('is frozen, so no code can add a job at run time', () => {
    expect(Object.isFrozen(JOBS)).toBe(true);
  });
});
