import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiEnv } from '@dd/config';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { DEFAULT_OPERATOR_DETAILS, operatorDetailsFrom } from './operator-details';
import { createAppServices } from './services';
import { createTestClient } from './testing/test-context';

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

describe('reference.operator', () => {
  it('tells anyone, signed in or not, who runs the platform: the configured operator', async () => {
    const env = loadApiEnv({
      PLATFORM_NAME: 'Datadividend Nederland B.V.',
      PLATFORM_ADDRESS: 'Oudegracht 1; 3511 AA Utrecht',
      PLATFORM_KVK: '87654321',
      PRIVACY_CONTACT_EMAIL: 'privacy@datadividend.nl',
      SUPPORT_EMAIL: 'hulp@datadividend.nl',
    });
    const services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1, operator: operatorDetailsFrom(env) });
    const anonymous = await createTestClient(tdb.db, redis.queues, undefined, { services }).call();
    expect(await anonymous.reference.operator()).toEqual({
      name: 'Datadividend Nederland B.V.',
      addressLines: ['Oudegracht 1', '3511 AA Utrecht'],
      kvkNumber: '87654321',
      privacyEmail: 'privacy@datadividend.nl',
      supportEmail: 'hulp@datadividend.nl',
      example: false,
    });
  });

  it('says the details are examples when the deployment set none', async () => {
    const anonymous = await createTestClient(tdb.db, redis.queues).call();
    expect(await anonymous.reference.operator()).toEqual({ ...DEFAULT_OPERATOR_DETAILS, example: true });
    expect(DEFAULT_OPERATOR_DETAILS.privacyEmail).toBe('privacy@datadividend.example');
  });
});
