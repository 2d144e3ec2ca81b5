import { describe, expect, it } from 'vitest';
import { createTtlCache } from './session.cache';

describe('the session cache', () => {
  it('answers from memory within its time to live and asks again after it', async () => {
    let clock = 0;
    let loads = 0;
    const cache = createTtlCache<string, number>({ ttlMs: 2_000, maxEntries: 10, now: () => clock });
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    clock = 1_999;
    expect(await cache.get('a', load)).toBe(1);
    clock = 2_000;
    expect(await cache.get('a', load)).toBe(2);
  });

  it('shares one load between concurrent misses of a key', async () => {
    let loads = 0;
    const cache = createTtlCache<string, number>({ ttlMs: 2_000, maxEntries: 10 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.get('a', async () => ++loads)));
    expect(new Set(answers)).toEqual(new Set([1]));
    expect(loads).toBe(1);
  });

  it('forgets at once what was invalidated, and never keeps a load that an invalidation overtook', async () => {
    let value = 'old';
    const cache = createTtlCache<string, string>({ ttlMs: 60_000, maxEntries: 10 });
    expect(await cache.get('a', async () => value)).toBe('old');
    value = 'new';
    cache.deleteWhere((v) => v === 'old');
    expect(await cache.get('a', async () => value)).toBe('new');

    let release: (v: string) => void = () => undefined;
    const slow = cache.get('b', () => new Promise<string>((resolve) => (release = resolve)));
    cache.clear();
    release('stale');
    expect(await slow).toBe('stale');
    expect(await cache.get('b', async () => 'fresh')).toBe('fresh');
  });

  it('keeps no more than its bound, and nothing it is told not to cache', async () => {
    const cache = createTtlCache<number, number | null>({ ttlMs: 60_000, maxEntries: 2, cacheable: (v) => v !== null });
    for (const key of [1, 2, 3]) await cache.get(key, async () => key);
    let loads = 0;
    expect(await cache.get(1, async () => (loads++, 1))).toBe(1);
    expect(loads).toBe(1);
    await cache.get(9, async () => null);
    expect(await cache.get(9, async () => 9)).toBe(9);
  });

  it('does not cache at all with a time to live of zero', async () => {
    let loads = 0;
    const cache = createTtlCache<string, number>({ ttlMs: 0, maxEntries: 10 });
    await cache.get('a', async () => ++loads);
    await cache.get('a', async () => ++loads);
    expect(loads).toBe(2);
  });
});
