import { UnrecoverableError } from '@dd/queue';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createImportService, runImport, type ImportService } from './import.service';
import { fixtureFile } from './testing/fixtures';
import { useImportTestEnv } from './testing/import-test-env';

// A bug in a parser (a TypeError on some odd input) stands in for any error the parser was not written to throw.
vi.mock('./parse-statement', () => ({
  parseStatement: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'Ntry')");
  },
}));

const t = useImportTestEnv();
let service: ImportService;

beforeAll(() => {
  service = createImportService(t.deps());
});

describe('a parser that crashes', () => {
  it('fails the upload once with a reason the person can act on, deletes the file, and ends the job without retries', async () => {
    const customerId = await t.createCustomer();
    const stored = await service.storeUpload(customerId, fixtureFile('camt053/camt053-v02-batch-and-reversal.xml'));
    const error = await runImport(t.deps(), stored.id).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    // UnrecoverableError: BullMQ does not retry it, and the jobs view still shows the parser's failure.
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect((error as Error).message).toBe(`The parser failed on upload ${stored.id}: Cannot read properties of undefined (reading 'Ntry')`);
    expect(await service.get(customerId, stored.id)).toMatchObject({
      status: 'failed',
      error: { code: 'fileUnreadable', message: expect.stringContaining('could not be read; nothing was imported'), problems: [] },
    });
    expect(await t.hasContent(stored.id)).toBe(false);
    expect(await t.transactionCount(customerId)).toBe(0);
  });
});
