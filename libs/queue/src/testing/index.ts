export { createTestQueues } from './test-queues';
export { startRedisServer, unusedPort } from './redis-server';
