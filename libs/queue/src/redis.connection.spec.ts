import { describe, expect, it } from 'vitest';
import { describeRedisUrl, redisOptionsFor } from './redis.connection';

describe('redisOptionsFor', () => {
  it('lets worker commands wait through reconnects, as BullMQ requires', () => {
    expect(redisOptionsFor('worker').maxRetriesPerRequest).toBeNull();
  });

  it('makes producer commands fail fast', () => {
    const options = redisOptionsFor('producer');
    expect(options.maxRetriesPerRequest).toBe(1);
    expect(options.enableOfflineQueue).toBe(false);
    expect(options.connectTimeout).toBeLessThanOrEqual(2_000);
  });
});

describe('describeRedisUrl', () => {
  it('hides the password', () => {
    expect(describeRedisUrl('redis://user:secret@redis.example:6380/2')).toBe('redis://user:***@redis.example:6380/2');
    expect(describeRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
