import { describe, expect, it } from 'vitest';
import { EnvError, loadApiEnv, loadWorkerEnv } from './load-env';

describe('environment', () => {
  it('runs with no configuration at all', () => {
    const env = loadApiEnv({});
    expect(env).toMatchObject({ PORT: 3000, REDIS_URL: 'redis://127.0.0.1:6379', PUBLIC_ORIGIN: 'http://localhost:3000', COOKIE_SECURE: false });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    expect(loadApiEnv({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' }).ADMIN_EMAIL).toBeUndefined();
  });

  it('lists every bad variable in one error', () => {
    expect(() => loadApiEnv({ PORT: 'abc', REDIS_URL: 'nope' })).toThrow(EnvError);
    expect(() => loadApiEnv({ PORT: 'abc', REDIS_URL: 'nope' })).toThrow(/PORT[\s\S]*REDIS_URL|REDIS_URL[\s\S]*PORT/);
  });

  it('parses worker settings', () => {
    expect(loadWorkerEnv({ WORKER_CONCURRENCY: '8' }).WORKER_CONCURRENCY).toBe(8);
  });
});
