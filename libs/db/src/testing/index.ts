export { createTestDatabase } from './test-database';
export type { TestDatabase } from './test-database';
export { adminUrl, testRedisUrl } from './test-env';
export { prepareTemplate } from './global-setup';
export type { TemplateOptions } from './global-setup';
export { insertTestCustomer } from './test-customer';
