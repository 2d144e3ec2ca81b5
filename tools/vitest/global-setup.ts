import { referenceDataFingerprint, syncReferenceData } from '@dd/categories';
import { prepareTemplate } from '@dd/db/testing';
import { ensureTestServices } from './test-services';

/**
 * Vitest global setup: the database and Redis servers (tools/vitest/test-services.ts), then the
 * template database every test file clones, migrated and with reference data. Vitest tears global
 * setups down after every test file of every project has finished, so the servers outlive them all.
 */
export async function setup(): Promise<() => Promise<void>> {
  const stopServices = await ensureTestServices();
  const cleanTemplates = await prepareTemplate({ afterMigrate: syncReferenceData, fingerprint: referenceDataFingerprint() });
  return async () => {
    await cleanTemplates();
    await stopServices();
  };
}
