/**
 * A short-lived, bounded, in-process cache for the answers every request needs (who the session
 * belongs to, the organisation's status): without it each request costs database round trips
 * before it does anything. Entries live `ttlMs` at most, which bounds how long another process's
 * change (a session revoked or an organisation suspended on another API process) can go unseen
 * here; a change made in this process drops its entries at once through the `forget*` functions.
 * Concurrent misses for one key share one load, so a burst of requests asks the database once.
 */
export interface TtlCache<K, V> {
  /** The cached value, or the loader's answer (cached unless `cacheable` says no). */
  get(key: K, load: () => Promise<V>): Promise<V>;
  delete(key: K): void;
  /** Drops every entry whose value matches, e.g. all sessions of one user. */
  deleteWhere(matches: (value: V) => boolean): void;
  clear(): void;
}

interface Entry<V> {
  value: V;
  until: number;
}

export function createTtlCache<K, V>(options: { ttlMs: number; maxEntries: number; now?: () => number; cacheable?: (value: V) => boolean }): TtlCache<K, V> {
  const { ttlMs, maxEntries } = options;
  const now = options.now ?? Date.now;
  const entries = new Map<K, Entry<V>>();
  const loading = new Map<K, Promise<V>>();
  // Bumped by every invalidation: a load that started before one must not cache what it read.
  let generation = 0;

  return {
    async get(key, load) {
      if (ttlMs <= 0) return load();
      const hit = entries.get(key);
      if (hit && hit.until > now()) return hit.value;
      if (hit) entries.delete(key);
      const pending = loading.get(key);
      if (pending) return pending;
      const started = generation;
      const promise = load().then(
        (value) => {
          loading.delete(key);
          if (started === generation && (options.cacheable?.(value) ?? true)) {
            // Map keeps insertion order: the first key is the oldest entry.
            if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as K);
            entries.set(key, { value, until: now() + ttlMs });
          }
          return value;
        },
        (error: unknown) => {
          loading.delete(key);
          throw error;
        },
      );
      loading.set(key, promise);
      return promise;
    },
    delete(key) {
      generation += 1;
      entries.delete(key);
      loading.delete(key);
    },
    deleteWhere(matches) {
      generation += 1;
      for (const [key, entry] of entries) if (matches(entry.value)) entries.delete(key);
      loading.clear();
    },
    clear() {
      generation += 1;
      entries.clear();
      loading.clear();
    },
  };
}
