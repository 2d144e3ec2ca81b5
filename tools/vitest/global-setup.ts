import { referenceDataFingerprint, syncReferenceData } from '@dd/categories';
import { prepareTemplate } from '@dd/db/testing';

/** Vitest global setup: the template database every test file clones, migrated and with reference data. */
export const setup = () => prepareTemplate({ afterMigrate: syncReferenceData, fingerprint: referenceDataFingerprint() });
