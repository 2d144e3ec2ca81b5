export { createTestDatabase } from './test-database';
export type { TestDatabase } from './test-database';
export { adminUrl, testRedisUrl } from './test-env';
